/** Vietnamese folding for search: diacritics off and đ → d (which Unicode decomposition leaves alone). */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/**
 * Vietnamese-aware URL slug: "Thông báo tuyển sinh lớp 1" → "thong-bao-tuyen-sinh-lop-1". The CMS
 * makes post and disclosure slugs with it and the sites make tag paths, so both agree on a URL.
 * Capped at 80 characters, with no trailing dash: a slug is a folder name of the static site (file
 * systems cap a name at 255 bytes) and part of a link people share, and a title-long slug helps neither.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(0, maxLength).replace(/-+$/g, '')
}
