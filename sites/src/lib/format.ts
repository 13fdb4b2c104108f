// One formatter for the whole build: toLocaleDateString builds a new Intl.DateTimeFormat on every
// call, which a 500-post school's lists (every post on several pages) paid thousands of times.
const VIETNAM_DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })

const formatted = new Map<string, string>()

/** Vietnamese date, dd/mm/yyyy, in Vietnam's time zone. */
export function formatDate(iso: string): string {
  // A post's date is shown on its page and in every list it is in: formatted once.
  let shown = formatted.get(iso)
  if (shown === undefined) {
    const date = new Date(iso)
    // Not a date: shown as written (as toLocaleDateString would not throw), so the build's own check
    // of the date (the feed's) reports the post.
    shown = Number.isNaN(date.getTime()) ? iso : VIETNAM_DATE.format(date)
    formatted.set(iso, shown)
  }
  return shown
}

/** File size in KB or MB, Vietnamese decimal comma ("1,5 MB"). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
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
