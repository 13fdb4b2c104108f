/** A Vietnamese name as a plain ASCII file-name part: "Lớp 6/1 – Đỗ Hường" → "Lop-6-1-Do-Huong". */
export const fileNamePart = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
