/**
 * Retries a write that SQLite refused because another write was under way (another process, or
 * Payload's SQLite adapter opening a transaction on a fresh connection without a busy timeout).
 * Other databases never throw this and pass straight through.
 */
export async function whenNotBusy<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (attempt >= 40 || !/SQLITE_BUSY|database is locked|writer lock/i.test(String((error as Error)?.message ?? error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50))
    }
  }
}
