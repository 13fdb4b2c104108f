/** The admin route of "Tiến độ nhập điểm" (a root view): its own module, so the browser's nav link imports no server code. */
export const GRADEBOOK_PROGRESS_PATH = '/gradebook/progress'
