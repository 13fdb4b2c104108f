/**
 * Import of 1,000 students from .xlsx through the real importer (parse, validate, write in one
 * transaction), on a fresh SQLite database. Prints JSON: seconds for the first import (creates) and a
 * re-import (updates), and the peak RSS of this process.
 *   TRUONGSO_DATA_DIR=… node cms/bench/importStudents.ts
 */
import { importStudents } from '@truongso/payload-plugin'
import ExcelJS from 'exceljs'
import { createLocalReq, getPayload } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { seedSchools } from '../src/seed/schools.ts'

const dataDir: string = process.env.TRUONGSO_DATA_DIR ?? ''
if (!dataDir) throw new Error('TRUONGSO_DATA_DIR is required')
const payload = await getPayload({ config: buildTruongsoConfig({ databaseUri: undefined, dataDir, logLevel: 'warn' }) })
const school = (await seedSchools(await createLocalReq({}, payload))).get('tieuhocledo')!
const year = '2026-2027'
for (let i = 1; i <= 25; i++) await payload.create({ collection: 'classes', data: { school, name: `5/${i}`, grade: 5, schoolYear: year } as never, overrideAccess: true })

const book = new ExcelJS.Workbook()
const sheet = book.addWorksheet('DS')
sheet.addRow(['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Số CCCD', 'Dân tộc', 'Chỗ ở hiện nay', 'Số điện thoại liên lạc', 'Họ tên cha', 'Họ tên mẹ'])
for (let i = 0; i < 1000; i++) {
  sheet.addRow([`HS${String(i).padStart(5, '0')}`, `Nguyễn Văn Học Sinh ${i}`, `${(i % 28) + 1}/${(i % 12) + 1}/2016`, i % 2 ? 'Nữ' : 'Nam', `5/${Math.floor(i / 40) + 1}`, `049916${String(i).padStart(6, '0')}`, 'Kinh', 'Hội An', `0999${String(i).padStart(6, '0')}`, 'Nguyễn Văn Cha', 'Trần Thị Mẹ'])
}
const buffer = Buffer.from(await book.xlsx.writeBuffer())

let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
const timed = async () => {
  const t0 = performance.now()
  const report = await importStudents(await createLocalReq({}, payload), { school, schoolYear: year, buffer })
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)))
  return { seconds: (performance.now() - t0) / 1000, report }
}
const first = await timed()
const again = await timed()
clearInterval(sampler)
console.log(JSON.stringify({ createSeconds: first.seconds, created: first.report.created, updateSeconds: again.seconds, updated: again.report.updated, peakRssMiB: Math.round(peak / 1048576), fileKiB: Math.round(buffer.length / 1024) }))
await payload.destroy()
process.exit(0)
