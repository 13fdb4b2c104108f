/**
 * `pnpm archive:verify <file> [more files]`: "Kiểm tra tệp" from the command line. Each file (a PDF
 * of a year-end archive, or the archive's zip) is looked up by its SHA-256 in the manifests the CMS
 * recorded (book-archives); a zip is opened and each file in it checked. Prints match / no match
 * per file; exit code 1 when any does not match, 2 for a wrong argument.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { archivesToCheck, message, verdictMessage, verifyFile } from '@truongso/payload-plugin'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error(message(null, 'books.verify-usage'))
  process.exit(2)
}

// Checking is read-only: no scheduled job may start in this process.
process.env.TRUONGSO_DISABLE_JOBS = '1'
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config.ts')
const payload = await getPayload({ config })

let status = 0
try {
  const archives = await archivesToCheck(payload)
  for (const file of files) {
    const result = verifyFile(archives, new Uint8Array(readFileSync(file)), path.basename(file))
    if (!result.match) status = 1
    console.log(verdictMessage(null, result))
    console.log(`  sha256 ${result.sha256}  ${file}`)
  }
} finally {
  await payload.destroy()
}
process.exit(status)
