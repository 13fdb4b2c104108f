import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { fullSchoolName, getSchoolByHost, getSchoolBySlug, loadRegistry, nameInitials, RegistryError, schools } from './index.ts'

// The appendix, verbatim, lives in shared/ beside the checkout (…/main/../shared/schools.tsv).
const appendixPath = fileURLToPath(new URL('../../../../shared/schools.tsv', import.meta.url))

function readAppendix(): { stt: number; name: string; url: string }[] {
  const [header, ...lines] = readFileSync(appendixPath, 'utf8').trim().split('\n')
  expect(header?.split('\t')).toEqual(['stt', 'ten_truong', 'dia_chi_web'])
  return lines.map((line) => {
    const [stt, name, url] = line.replace(/\r$/, '').split('\t')
    return { stt: Number(stt), name: name ?? '', url: url ?? '' }
  })
}

describe('registry vs the appendix (schools.tsv)', () => {
  const appendix = readAppendix()

  it('has every school of the appendix, in order', () => {
    expect(appendix).toHaveLength(34)
    expect(schools).toHaveLength(appendix.length)
  })

  it.each(readAppendix())('row $stt $name matches exactly', (row) => {
    const school = schools.find((s) => s.stt === row.stt)
    expect(school, `stt ${row.stt} missing from registry`).toBeDefined()
    expect(school?.name).toBe(row.name)
    expect(school?.url).toBe(row.url)
    const host = new URL(row.url).hostname
    expect(school?.host).toBe(host)
    expect(school?.slug).toBe(host.split('.')[0])
    expect(row.name.startsWith(`${school?.level} `)).toBe(true)
  })

  it('maps levels to templates and Vietnamese names', () => {
    const byLevel = Object.groupBy(schools, (s) => s.level)
    expect(byLevel.MG?.length).toBe(10)
    expect(byLevel.MN?.length).toBe(3)
    expect(byLevel.TH?.length).toBe(11)
    expect(byLevel['TH-THCS']?.length).toBe(3)
    expect(byLevel.THCS?.length).toBe(7)
    expect(getSchoolBySlug('mamnonsonca')?.template).toBe('preschool')
    expect(getSchoolBySlug('tieuhocledo')).toMatchObject({ template: 'primary', levelName: 'Tiểu học' })
    expect(getSchoolBySlug('thcskimdong')?.template).toBe('lower-secondary')
    expect(getSchoolBySlug('ththcslythuongkiet')?.template).toBe('combined')
  })

  it('keeps the addresses the office assigned, even odd-looking ones', () => {
    expect(getSchoolBySlug('mamgiaocamchau')?.name).toBe('MN Cẩm Châu')
    expect(getSchoolBySlug('thcsnguyenhuydieu-hoian')?.name).toBe('THCS Nguyễn Duy Hiệu')
    expect(getSchoolBySlug('thcslytutrong')).toMatchObject({ name: 'TH Lý Tự Trọng', level: 'TH' })
  })

  it('looks schools up by host, ignoring case, port and a trailing dot', () => {
    expect(getSchoolByHost('thcamthanh.pgddthoian.edu.vn')?.stt).toBe(17)
    expect(getSchoolByHost('THCAMTHANH.pgddthoian.edu.vn:8080')?.stt).toBe(17)
    expect(getSchoolByHost('tieuhocledo.quangnam.vnptweb.vn.')?.slug).toBe('tieuhocledo')
    expect(getSchoolByHost('example.com')).toBeUndefined()
  })
})

describe('bad registry rows fail naming the row', () => {
  const good = { stt: 1, name: 'TH Thử Nghiệm', url: 'http://thunghiem.example.vn/' }

  it('accepts a good row and an explicit level', () => {
    const registry = loadRegistry([good, { stt: 2, name: 'Trường Hoa Sen', url: 'https://hoasen.example.vn/', level: 'MN' }])
    expect(registry.schools.map((s) => s.template)).toEqual(['primary', 'preschool'])
  })

  it.each([
    [[good, { ...good, stt: 2, name: 'TH Khác' }], /registry row 2 \(stt 2\) "TH Khác": duplicate slug "thunghiem"/],
    [
      [good, { stt: 2, name: 'TH Khác', url: 'http://thunghiem.other.vn/' }],
      /registry row 2 .*duplicate slug "thunghiem" \(already used by registry row 1\)/,
    ],
    [[good, { stt: 2, name: 'TH Khác', url: 'not a url' }], /registry row 2 \(stt 2\) "TH Khác": url: /],
    [[good, { stt: 2, name: 'TH Khác', url: 'ftp://khac.example.vn/' }], /registry row 2 .*http:\/\/ or https:\/\//],
    [[good, { stt: 2, name: 'THPT Khác', url: 'http://khac.example.vn/' }], /registry row 2 .*unknown level "THPT"/],
    [[good, { ...good, url: 'http://khac.example.vn/' }], /registry row 2 .*duplicate stt 1/],
    [[{ name: 'TH Không Số', url: 'http://khongso.example.vn/' }], /registry row 1 "TH Không Số": stt: /],
  ])('case %#', (rows, message) => {
    expect(() => loadRegistry(rows)).toThrowError(RegistryError)
    expect(() => loadRegistry(rows)).toThrowError(message)
  })
})

describe('names', () => {
  it('spells out the level and takes the initials after it', () => {
    expect(fullSchoolName('TH Lê Độ')).toBe('Trường Tiểu học Lê Độ')
    expect(fullSchoolName('TH-THCS Lý Thường Kiệt')).toBe('Trường Tiểu học và Trung học cơ sở Lý Thường Kiệt')
    expect(nameInitials('TH Lê Độ')).toBe('LĐ')
    expect(nameInitials('THCS Nguyễn Bỉnh Khiêm')).toBe('NBK')
    expect(nameInitials('TH Cẩm An 1')).toBe('CA1')
    expect(nameInitials('TH-THCS Lý Thường Kiệt')).toBe('LTK')
  })
})
