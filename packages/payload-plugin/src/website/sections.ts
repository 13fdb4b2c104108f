import type { Label } from '../translations/index.ts'

/** Sections of the school website a post belongs to (DOMAIN.md §2). Public disclosures are their own collection. */
export const POST_SECTIONS = ['thong-bao', 'chuyen-mon', 'hoat-dong'] as const
export type PostSection = (typeof POST_SECTIONS)[number]
export const sectionLabels: Record<PostSection, Label> = {
  'thong-bao': { vi: 'Thông tin – thông báo', en: 'News and announcements' },
  'chuyen-mon': { vi: 'Thông tin chuyên môn', en: 'Professional information' },
  'hoat-dong': { vi: 'Tin hoạt động', en: 'School activities' },
}

/** Circular 09/2024/TT-BGDĐT groups of public disclosure. */
export const DISCLOSURE_GROUPS = ['general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-weekly'] as const
export type DisclosureGroup = (typeof DISCLOSURE_GROUPS)[number]
export const disclosureGroupLabels: Record<DisclosureGroup, Label> = {
  general: { vi: 'Thông tin chung', en: 'General information' },
  finance: { vi: 'Tài chính (thu, chi, học phí, học bổng)', en: 'Finances' },
  quality: { vi: 'Điều kiện bảo đảm chất lượng', en: 'Conditions for quality' },
  'plan-results': { vi: 'Kế hoạch và kết quả giáo dục', en: 'Education plan and results' },
  'annual-report': { vi: 'Báo cáo thường niên', en: 'Annual report' },
  'preschool-weekly': { vi: 'Kế hoạch tuần, thực đơn (mầm non)', en: 'Weekly plan and menu (preschool)' },
}
