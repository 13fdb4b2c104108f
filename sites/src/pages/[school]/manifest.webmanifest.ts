import type { APIRoute } from 'astro'

import { identityOf } from '../../lib/identity.ts'
import { perSchool, snapshot } from '../../lib/snapshot.ts'
import { themeFor } from '../../templates/index.ts'

export const getStaticPaths = () => perSchool(() => [{ params: {} }])

/** Lets a parent add the school to a phone's home screen with its name and icon. */
export const GET: APIRoute = ({ params }) => {
  const site = snapshot(params.school)
  const identity = identityOf(site)
  const color = themeFor(site.school.template).colors.primary
  const manifest = {
    name: identity.fullName,
    short_name: identity.shortName,
    lang: 'vi',
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: color,
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  }
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } })
}
