import { copyFile, link, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { School } from '@truongso/registry'
import type { PayloadRequest } from 'payload'
import sharp from 'sharp'

import { insertDocument } from './fastRecords.ts'

type ID = number | string

/**
 * The demo's pictures, drawn here (no network, nothing shipped): school-life scenes in flat shapes,
 * rendered once per seed by sharp into the WebP original and the renditions the media collection
 * makes (thumbnail 400, card 768), then filed for each school through the fast path: the files are
 * hard-linked under a name of the school's own, and the media documents written straight to the
 * adapter, as an upload through the admin would have left them. 34 schools cost about a second.
 */
const WIDTH = 960
const HEIGHT = 640
const RENDITIONS = [
  { name: 'thumbnail', width: 400 },
  { name: 'card', width: 768 },
] as const

type Scene = { key: string; alt: string; sky: [string, string]; ground: string; accent: string; draw: (accent: string) => string }

const building = (x: number, w: number, color: string) => {
  const windows = Array.from({ length: Math.floor(w / 70) }, (_, i) => `<rect x="${x + 25 + i * 70}" y="300" width="36" height="44" fill="#fff" opacity=".85"/><rect x="${x + 25 + i * 70}" y="380" width="36" height="44" fill="#fff" opacity=".85"/>`).join('')
  return `<rect x="${x}" y="270" width="${w}" height="210" fill="${color}"/><polygon points="${x - 20},272 ${x + w / 2},200 ${x + w + 20},272" fill="#8c2f24"/>${windows}`
}
const tree = (x: number, y: number, r: number) => `<rect x="${x - 8}" y="${y}" width="16" height="${r * 1.6}" fill="#6b4226"/><circle cx="${x}" cy="${y}" r="${r}" fill="#2f7d32"/><circle cx="${x - r * 0.5}" cy="${y + r * 0.3}" r="${r * 0.7}" fill="#3b8f3e"/>`
const child = (x: number, shirt: string) => `<circle cx="${x}" cy="470" r="16" fill="#f1c27d"/><rect x="${x - 18}" y="488" width="36" height="52" rx="10" fill="${shirt}"/><rect x="${x - 14}" y="540" width="11" height="34" fill="#1f3a5f"/><rect x="${x + 3}" y="540" width="11" height="34" fill="#1f3a5f"/>`
const flag = (x: number) => `<rect x="${x}" y="120" width="6" height="360" fill="#777"/><rect x="${x + 6}" y="120" width="90" height="60" fill="#da251d"/><polygon points="${x + 51},135 ${x + 56},150 ${x + 71},150 ${x + 59},159 ${x + 63},174 ${x + 51},165 ${x + 39},174 ${x + 43},159 ${x + 31},150 ${x + 46},150" fill="#ff0"/>`

const SCENES: Scene[] = [
  { key: 'khai-giang', alt: 'Học sinh dự lễ khai giảng trước sân trường', sky: ['#8fd3fe', '#e6f6ff'], ground: '#c9b38a', accent: '#1a5690', draw: (a) => building(200, 560, '#f3d36b') + flag(120) + [300, 360, 420, 480, 540, 600, 660].map((x, i) => child(x, i % 2 ? '#fff' : a)).join('') },
  { key: 'doc-sach', alt: 'Ngày hội đọc sách ở thư viện nhà trường', sky: ['#ffe3b3', '#fff6e5'], ground: '#d9c3a0', accent: '#a3332a', draw: (a) => `<rect x="120" y="200" width="720" height="280" fill="#8d5a3b"/>` + Array.from({ length: 24 }, (_, i) => `<rect x="${140 + (i % 12) * 58}" y="${220 + Math.floor(i / 12) * 130}" width="40" height="110" fill="${['#e74c3c', '#3498db', '#f1c40f', '#27ae60'][i % 4]}"/>`).join('') + [260, 480, 700].map((x) => child(x, a)).join('') },
  { key: 'the-thao', alt: 'Học sinh thi đấu thể thao trên sân trường', sky: ['#74c0fc', '#d0ebff'], ground: '#58a55c', accent: '#0b6146', draw: (a) => `<circle cx="780" cy="130" r="60" fill="#ffd43b"/><rect x="80" y="440" width="800" height="6" fill="#fff"/>` + tree(150, 300, 60) + tree(850, 320, 50) + [320, 430, 560, 650].map((x, i) => child(x, i % 2 ? '#ffd43b' : a)).join('') + `<circle cx="500" cy="560" r="18" fill="#fff" stroke="#333" stroke-width="3"/>` },
  { key: 'van-nghe', alt: 'Tiết mục văn nghệ chào mừng ngày Nhà giáo Việt Nam 20/11', sky: ['#5f3dc4', '#9775fa'], ground: '#7048e8', accent: '#e64980', draw: (a) => `<rect x="100" y="380" width="760" height="110" fill="#862e9c"/><polygon points="100,80 480,380 100,380" fill="#fff" opacity=".12"/><polygon points="860,80 480,380 860,380" fill="#fff" opacity=".12"/>` + [300, 400, 500, 600].map((x, i) => `<g transform="translate(0,-90)">${child(x, i % 2 ? '#fcc419' : a)}</g>`).join('') + `<text x="480" y="170" text-anchor="middle" font-size="60" fill="#fff" font-family="sans-serif">20-11</text>` },
  { key: 'trai-nghiem', alt: 'Hoạt động trải nghiệm trồng rau ở làng rau Trà Quế', sky: ['#a5d8ff', '#e7f5ff'], ground: '#8d6e4f', accent: '#2b8a3e', draw: (a) => Array.from({ length: 5 }, (_, r) => Array.from({ length: 10 }, (_, c) => `<ellipse cx="${90 + c * 88}" cy="${470 + r * 34}" rx="26" ry="12" fill="#51cf66"/>`).join('')).join('') + tree(120, 260, 70) + [380, 560].map((x) => `<g transform="translate(0,-60)">${child(x, a)}</g>`).join('') },
  { key: 'lop-hoc', alt: 'Một tiết học trên lớp', sky: ['#fff3bf', '#fff9db'], ground: '#e9d8a6', accent: '#1864ab', draw: (a) => `<rect x="180" y="90" width="600" height="260" rx="8" fill="#2b5f3f" stroke="#8d5a3b" stroke-width="14"/><path d="M240 170 h200 M240 220 h300 M240 270 h160" stroke="#fff" stroke-width="8" stroke-linecap="round"/>` + [250, 380, 510, 640].map((x, i) => `<rect x="${x - 45}" y="520" width="90" height="18" fill="#a47148"/>${child(x, i % 2 ? '#fff' : a)}`).join('') },
]

const sceneSvg = (s: Scene) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${s.sky[0]}"/><stop offset="1" stop-color="${s.sky[1]}"/></linearGradient></defs>` +
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/><rect y="440" width="${WIDTH}" height="200" fill="${s.ground}"/>${s.draw(s.accent)}</svg>`

/** A crest for the schools that "uploaded" a logo: a shield with an open book and a star. */
const logoSvg = (color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">` +
  `<path d="M128 12 L228 44 V128 C228 190 182 230 128 246 C74 230 28 190 28 128 V44 Z" fill="${color}" stroke="#f5c518" stroke-width="10"/>` +
  `<path d="M64 150 Q96 130 124 150 V196 Q96 176 64 196 Z M132 150 Q160 130 192 150 V196 Q160 176 132 196 Z" fill="#fff"/>` +
  `<polygon points="128,52 140,88 178,88 147,110 159,146 128,124 97,146 109,110 78,88 116,88" fill="#f5c518"/></svg>`

type Rendered = { data: Buffer; width: number; height: number }
type Picture = { key: string; alt: string; original: Rendered; sizes: { name: string; file: Rendered }[] }

let rendered: Promise<Picture[]> | null = null

/** The scenes as WebP, rendered once per process. */
function pictures(): Promise<Picture[]> {
  rendered ??= Promise.all(
    SCENES.map(async (scene) => {
      const png = await sharp(Buffer.from(sceneSvg(scene))).png().toBuffer()
      const webp = async (width: number): Promise<Rendered> => {
        const { data, info } = await sharp(png).resize(width).webp({ quality: 80 }).toBuffer({ resolveWithObject: true })
        return { data, width: info.width, height: info.height }
      }
      return { key: scene.key, alt: scene.alt, original: await webp(WIDTH), sizes: await Promise.all(RENDITIONS.map(async (r) => ({ name: r.name, file: await webp(r.width) }))) }
    }),
  )
  return rendered
}

const logoCache = new Map<string, Promise<Buffer>>()

const cached = new Set<string>()

/** Files a picture under the school's own name: a hard link to one copy where the disk allows it. */
async function place(dir: string, cache: string, name: string, data: Buffer): Promise<void> {
  const shared = path.join(cache, name.replace(/^.+?__/, ''))
  if (!cached.has(shared)) {
    await writeFile(shared, data)
    cached.add(shared)
  }
  await link(shared, path.join(dir, name)).catch(() => copyFile(shared, path.join(dir, name)))
}

/**
 * A one-page PDF with a line of (ASCII) text: the file attached to the demo's documents, written
 * by hand so the seed needs no PDF library.
 */
export function tinyPdf(line: string): Buffer {
  const text = line.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '')
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const at = body.length
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
    return at
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** A document (attachment) of the school holding a tiny PDF, through the fast path. */
export async function seedSchoolPdf(req: PayloadRequest, schoolId: ID, filename: string, title: string, line: string): Promise<ID> {
  const staticDir = String((req.payload.collections.documents!.config.upload as { staticDir?: string }).staticDir)
  await mkdir(staticDir, { recursive: true })
  const data = tinyPdf(line)
  await writeFile(path.join(staticDir, filename), data)
  return insertDocument(req, 'documents', { school: schoolId, title, filename, mimeType: 'application/pdf', filesize: data.length })
}

export type SchoolPictures = {
  /** Media ids of the scenes, by key (khai-giang, doc-sach, the-thao, van-nghe, trai-nghiem, lop-hoc). */
  scenes: Map<string, ID>
  /** The logo's media id, for the schools that have one (every third school of the appendix). */
  logo: ID | null
}

/** Whether the demo gives this school an uploaded logo; the others show the sites' monogram. */
export const hasDemoLogo = (school: School) => school.stt % 3 === 0

/** The school's demo pictures as media documents of its own. */
export async function seedSchoolPictures(req: PayloadRequest, school: School, schoolId: ID, logoColor: string): Promise<SchoolPictures> {
  const staticDir = String((req.payload.collections.media!.config.upload as { staticDir?: string }).staticDir)
  const cache = path.join(staticDir, '.demo')
  await mkdir(cache, { recursive: true })
  const scenes = new Map<string, ID>()
  for (const picture of await pictures()) {
    const base = `${school.slug}__demo-${picture.key}`
    await place(staticDir, cache, `${base}.webp`, picture.original.data)
    const sizes: Record<string, unknown> = { hero: { url: null, width: null, height: null, mimeType: null, filesize: null, filename: null } }
    for (const size of picture.sizes) {
      const filename = `${base}-${size.file.width}x${size.file.height}.webp`
      await place(staticDir, cache, filename, size.file.data)
      sizes[size.name] = { width: size.file.width, height: size.file.height, mimeType: 'image/webp', filesize: size.file.data.length, filename }
    }
    const id = await insertDocument(req, 'media', {
      school: schoolId,
      alt: picture.alt,
      filename: `${base}.webp`,
      mimeType: 'image/webp',
      filesize: picture.original.data.length,
      width: picture.original.width,
      height: picture.original.height,
      sizes,
    })
    scenes.set(picture.key, id)
  }
  let logo: ID | null = null
  if (hasDemoLogo(school)) {
    let png = logoCache.get(logoColor)
    if (!png) logoCache.set(logoColor, (png = sharp(Buffer.from(logoSvg(logoColor))).png().toBuffer()))
    const data = await png
    const filename = `${school.slug}__demo-logo.png`
    await writeFile(path.join(staticDir, filename), data)
    logo = await insertDocument(req, 'media', { school: schoolId, alt: `Biểu trưng ${school.name}`, filename, mimeType: 'image/png', filesize: data.length, width: 256, height: 256, sizes: {} })
  }
  return { scenes, logo }
}
