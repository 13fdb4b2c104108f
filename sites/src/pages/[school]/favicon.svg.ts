import type { APIRoute } from 'astro'

import { iconSvg } from '../../lib/icons.ts'
import { perSchool } from '../../lib/snapshot.ts'

export const getStaticPaths = () => perSchool(() => [{ params: {} }])

export const GET: APIRoute = ({ params }) => new Response(iconSvg(params.school!), { headers: { 'Content-Type': 'image/svg+xml' } })
