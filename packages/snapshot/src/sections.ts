/**
 * The lists both sides of the boundary share: the CMS offers them as options and writes them into
 * the snapshot, the snapshot schema accepts only them, and the sites build their pages on them.
 */

/** A text in both admin languages; the sites print `vi`. */
export type Label = { vi: string; en: string }

/** Sections of the school website a post belongs to. Public disclosures are their own collection. */
export const POST_SECTIONS = ['thong-bao', 'chuyen-mon', 'hoat-dong', 'van-ban'] as const
export type PostSection = (typeof POST_SECTIONS)[number]
export const sectionLabels: Record<PostSection, Label> = {
  'thong-bao': { vi: 'Thông tin – thông báo', en: 'News and announcements' },
  'chuyen-mon': { vi: 'Thông tin chuyên môn', en: 'Professional information' },
  'hoat-dong': { vi: 'Tin hoạt động', en: 'School activities' },
  /** Legal and guiding documents (Circular 37/2020 Art. 9): number, date, issuer and the file. */
  'van-ban': { vi: 'Văn bản', en: 'Documents' },
}

/** The tag that puts a post, of any section, on the site's *Tuyển sinh* (enrolment) page. */
export const ENROLMENT_TAG = 'tuyển sinh'

/**
 * Groups of public disclosure of Circular 09/2024/TT-BGDĐT, in the order the circular lists them
 * (the disclosure page shows them in this order), the preschool monthly plans, then the weekly plans and menus last.
 */
export const DISCLOSURE_GROUPS = ['general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-monthly', 'preschool-weekly'] as const
export type DisclosureGroup = (typeof DISCLOSURE_GROUPS)[number]
export const disclosureGroupLabels: Record<DisclosureGroup, Label> = {
  general: { vi: 'Thông tin chung', en: 'General information' },
  finance: { vi: 'Tài chính (thu, chi, học phí, học bổng)', en: 'Finances' },
  quality: { vi: 'Điều kiện bảo đảm chất lượng', en: 'Conditions for quality' },
  'plan-results': { vi: 'Kế hoạch và kết quả giáo dục', en: 'Education plan and results' },
  'annual-report': { vi: 'Báo cáo thường niên', en: 'Annual report' },
  'preschool-monthly': { vi: 'Kế hoạch tháng (mầm non)', en: 'Monthly plan (preschool)' },
  'preschool-weekly': { vi: 'Kế hoạch tuần, thực đơn (mầm non)', en: 'Weekly plan and menu (preschool)' },
}

/** The school's unions and youth organisations on the introduction's "Đoàn thể" page. */
export const UNION_KINDS = ['cong-doan', 'doan-tn', 'doi-tntp'] as const
export type UnionKind = (typeof UNION_KINDS)[number]
export const unionLabels: Record<UnionKind, Label> = {
  'cong-doan': { vi: 'Công đoàn', en: 'Trade union' },
  'doan-tn': { vi: 'Đoàn TNCS Hồ Chí Minh', en: 'Youth Union' },
  'doi-tntp': { vi: 'Đội TNTP Hồ Chí Minh', en: 'Young Pioneers' },
}
