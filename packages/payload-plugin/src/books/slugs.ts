/** The year-end archives' collection and the jobs queue their builds run on. */
export const BOOK_ARCHIVES_SLUG = 'book-archives'
export const BOOKS_QUEUE = 'books'
