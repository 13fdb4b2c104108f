import type { APIRoute } from 'astro'

import { icoOf, iconPng } from '../../lib/icons.ts'
import { perSchool } from '../../lib/snapshot.ts'

export const getStaticPaths = () => perSchool(() => [{ params: {} }])

export const GET: APIRoute = async ({ params }) => new Response(new Uint8Array(icoOf(await iconPng(params.school!, 48), 48)), { headers: { 'Content-Type': 'image/x-icon' } })
