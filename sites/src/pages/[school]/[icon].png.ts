import type { APIRoute } from 'astro'

import { APP_ICONS, iconPng } from '../../lib/icons.ts'
import { perSchool } from '../../lib/snapshot.ts'

// /apple-touch-icon.png, /icon-192.png, /icon-512.png.
export const getStaticPaths = () => perSchool(() => APP_ICONS.map((icon) => ({ params: { icon: icon.file.replace(/\.png$/, '') }, props: { size: icon.size } })))

export const GET: APIRoute = async ({ params, props }) => new Response(new Uint8Array(await iconPng(params.school!, (props as { size: number }).size)), { headers: { 'Content-Type': 'image/png' } })
