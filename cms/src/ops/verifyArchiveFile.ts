/**
 * `pnpm archive:verify <file> [more files]`: "Kiểm tra tệp" from the command line. Each file (a PDF
 * of a year-end archive, or the archive's zip) is looked up by its SHA-256 in the manifests the CMS
 * recorded (book-archives); a zip is opened and each file in it checked. Prints match / no match
 * per file; exit code 1 when any does not match, 2 for a wrong argument.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { archivesToCheck, message, verifyFile } from '@truongso/payload-plugin'

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
    if (result.match) {
      console.log(message(null, 'books.verify-match', { archive: result.archive.title, path: result.path ?? path.basename(file) }))
    } else {
      status = 1
      const changed = (result.inside ?? []).filter((f) => !f.match).map((f) => f.name)
      console.log(
        result.sameName
          ? message(null, 'books.verify-changed', { archive: result.sameName.title, path: result.sameName.path })
          : changed.length > 0
            ? message(null, 'books.verify-changed-inside', { count: changed.length, files: changed.join(', ') })
            : message(null, 'books.verify-unknown'),
      )
    }
    console.log(`  sha256 ${result.sha256}  ${file}`)
  }
} finally {
  await payload.destroy()
}
process.exit(status)
