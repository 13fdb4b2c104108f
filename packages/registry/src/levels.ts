/** School levels used in the district's appendix, and what each implies for the platform. */
export const SCHOOL_LEVELS = ['MG', 'MN', 'TH', 'THCS', 'TH-THCS'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]

export const TEMPLATE_IDS = ['preschool', 'primary', 'lower-secondary', 'combined'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

type LevelInfo = {
  /** Vietnamese name of the level, as shown to users. */
  nameVi: string
  /** English name, for the English admin. */
  nameEn: string
  /** Which website template a school of this level uses. */
  template: TemplateId
  /** Grades taught (khối lớp); preschools group children by age, not grade. */
  grades: readonly number[]
}

export const LEVEL_INFO: Readonly<Record<SchoolLevel, LevelInfo>> = {
  MG: { nameVi: 'Mẫu giáo', nameEn: 'Kindergarten', template: 'preschool', grades: [] },
  MN: { nameVi: 'Mầm non', nameEn: 'Preschool', template: 'preschool', grades: [] },
  TH: { nameVi: 'Tiểu học', nameEn: 'Primary school', template: 'primary', grades: [1, 2, 3, 4, 5] },
  THCS: {
    nameVi: 'Trung học cơ sở',
    nameEn: 'Lower secondary school',
    template: 'lower-secondary',
    grades: [6, 7, 8, 9],
  },
  'TH-THCS': {
    nameVi: 'Tiểu học và Trung học cơ sở',
    nameEn: 'Primary and lower secondary school',
    template: 'combined',
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  },
}

export function isSchoolLevel(value: string): value is SchoolLevel {
  return (SCHOOL_LEVELS as readonly string[]).includes(value)
}

/**
 * The appendix names every school with its level first ("TH-THCS Lý Thường Kiệt").
 * Returns the longest known level the name starts with, or null.
 */
export function levelFromName(name: string): SchoolLevel | null {
  const first = name.trim().split(/\s+/)[0] ?? ''
  return isSchoolLevel(first) ? first : null
}

/**
 * The official full name of a school from the appendix's short one, its level spelled out:
 * "TH Lê Độ" → "Trường Tiểu học Lê Độ", "MG Cẩm An" → "Trường Mẫu giáo Cẩm An". Headings of printed
 * books and of the websites use it (the sites print it in capitals); a name without a known level
 * prefix is returned as it is.
 */
export function fullSchoolName(name: string): string {
  const level = levelFromName(name)
  if (!level) return name.trim()
  return `Trường ${LEVEL_INFO[level].nameVi} ${name.trim().slice(level.length).trim()}`
}

/**
 * The initials of the name after its level, digits kept whole: "TH Lê Độ" → "LĐ", "TH Cẩm An 1" →
 * "CA1". The sites' monogram and the demo documents' numbers ("01/KH-THLĐ") are made from it.
 */
export function nameInitials(name: string): string {
  const level = levelFromName(name)
  const words = (level ? name.trim().slice(level.length) : name).trim().split(/\s+/).filter(Boolean)
  return words.map((w) => (/^\d+$/.test(w) ? w : (w[0] ?? ''))).join('').toLocaleUpperCase('vi')
}
