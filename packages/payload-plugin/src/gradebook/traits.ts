import type { Level, PrimaryTraitLevel } from '@truongso/assessment'

/**
 * Circular 27 (Art. 6, programme 2018): the five main qualities and the general and specific
 * competences a primary homeroom teacher rates Tốt / Đạt / Cần cố gắng. Field name → the name the
 * engine's primaryYear takes.
 */
export const qualityLabels = {
  patriotism: 'Yêu nước',
  kindness: 'Nhân ái',
  diligence: 'Chăm chỉ',
  honesty: 'Trung thực',
  responsibility: 'Trách nhiệm',
} as const

export const competenceLabels = {
  selfStudy: 'Tự chủ và tự học',
  communication: 'Giao tiếp và hợp tác',
  problemSolving: 'Giải quyết vấn đề và sáng tạo',
  language: 'Ngôn ngữ',
  mathematics: 'Tính toán',
  science: 'Khoa học',
  technology: 'Công nghệ',
  informatics: 'Tin học',
  aesthetics: 'Thẩm mĩ',
  physical: 'Thể chất',
} as const

/**
 * Stored codes of the levels (GraphQL takes only ASCII names for select options), and the
 * engine's words for them: what results hand to conductYear / primaryYear.
 */
export const conductLabels = { tot: 'Tốt', kha: 'Khá', dat: 'Đạt', 'chua-dat': 'Chưa đạt' } as const satisfies Record<string, Level>
export const traitLevelLabels = { tot: 'Tốt', dat: 'Đạt', 'can-co-gang': 'Cần cố gắng' } as const satisfies Record<string, PrimaryTraitLevel>
