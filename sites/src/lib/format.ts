/** Vietnamese date, dd/mm/yyyy, in Vietnam's time zone. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
}

export function formatSize(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Vietnamese-aware URL slug (đ → d, marks removed). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export function fileType(mimeType: string, filename: string): string {
  if (mimeType === 'application/pdf') return 'PDF'
  const ext = filename.split('.').pop()?.toUpperCase()
  return ext ?? 'Tệp'
}
