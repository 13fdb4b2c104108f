/**
 * Vietnamese-aware URL slug: "Thông báo tuyển sinh lớp 1" → "thong-bao-tuyen-sinh-lop-1".
 * Unicode decomposition removes the tone and vowel marks; đ/Đ has no decomposition, so it is mapped
 * by hand.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(0, maxLength).replace(/-+$/g, '')
}
