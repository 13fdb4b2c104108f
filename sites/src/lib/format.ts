import { foldVietnamese } from '@truongso/snapshot'

/** Vietnamese date, dd/mm/yyyy, in Vietnam's time zone. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
}

/** File size in KB or MB, Vietnamese decimal comma ("1,5 MB"). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Vietnamese-aware URL slug: NFD, marks removed, đ → d, lowercase, anything else → "-". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
}

/** Short file type for a download link ("PDF", "Word", "ZIP"). */
export function fileType(mimeType: string, filename: string): string {
  const known = TYPES[mimeType]
  if (known) return known
  const ext = filename.includes('.') ? filename.split('.').pop()?.toUpperCase() : undefined
  return ext || 'Tệp'
}
