/** The admin route of Sổ điểm (a root view): its own module, so the browser's nav link imports no server code. */
export const GRADEBOOK_VIEW_PATH = '/gradebook'
