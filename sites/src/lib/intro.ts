/** The sub-pages of "Giới thiệu" (docs/domain.md § The public website), built only when the school has an introduction. */
export const INTRO_PAGES = [
  { slug: 'chuc-nang-nhiem-vu', title: 'Chức năng, nhiệm vụ, quyền hạn' },
  { slug: 'co-cau-to-chuc', title: 'Cơ cấu tổ chức' },
  { slug: 'lanh-dao', title: 'Lãnh đạo nhà trường' },
  { slug: 'lich-su', title: 'Lịch sử, truyền thống' },
  { slug: 'doan-the', title: 'Các tổ chức đoàn thể' },
  { slug: 'lien-he', title: 'Liên hệ' },
] as const

export type IntroPageSlug = (typeof INTRO_PAGES)[number]['slug']
