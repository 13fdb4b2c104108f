import { readFileSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

import { themeFor } from '../templates/index.ts'
import { identityOf, monogramSvg } from './identity.ts'
import { snapshot } from './snapshot.ts'

/**
 * The site's icons (favicon, app icons), drawn at build time from the school's logo or, without
 * one, from its monogram: no request of any page ends in a 404 for /favicon.ico.
 */
export function iconSvg(school: string): string {
  const site = snapshot(school)
  const identity = identityOf(site)
  return monogramSvg(identity.initials, themeFor(site.school.template).colors, identity.fullName)
}

/** A square PNG `size` pixels wide: the logo fitted on white, or the monogram. */
export async function iconPng(school: string, size: number): Promise<Buffer> {
  const site = snapshot(school)
  const logo = site.introduction?.logo
  if (logo) {
    const file = readFileSync(path.join(process.env.SITE_SNAPSHOTS_DIR ?? '', school, logo.path))
    return sharp(file).resize(size, size, { fit: 'contain', background: '#ffffff' }).flatten({ background: '#ffffff' }).png().toBuffer()
  }
  return sharp(Buffer.from(iconSvg(school)), { density: Math.max(72, Math.ceil((72 * size) / 100)) }).resize(size, size).png().toBuffer()
}

/** An .ico file holding one PNG image (the format every browser reads for /favicon.ico). */
export function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(1, 4) // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6)
  header.writeUInt8(size >= 256 ? 0 : size, 7)
  header.writeUInt8(0, 8) // no palette
  header.writeUInt8(0, 9)
  header.writeUInt16LE(1, 10) // colour planes
  header.writeUInt16LE(32, 12) // bits per pixel
  header.writeUInt32LE(png.length, 14)
  header.writeUInt32LE(22, 18) // offset of the image
  return Buffer.concat([header, png])
}

/** App icon sizes written next to the favicon (the web manifest and Apple's touch icon). */
export const APP_ICONS = [
  { file: 'apple-touch-icon.png', size: 180 },
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
] as const
