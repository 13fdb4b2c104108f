import rss from '@astrojs/rss'
import type { APIContext } from 'astro'

import { absoluteUrl } from '../../lib/routes.ts'
import { SECTIONS } from '../../lib/sections.ts'
import { perSchool, snapshot } from '../../lib/snapshot.ts'

// One page per school of the build (src/lib/snapshot.ts).
export const getStaticPaths = () => perSchool(() => [{ params: {} }])

/** The 50 newest posts, with absolute links on the school's address. */
export function GET({ params }: APIContext) {
  const site = snapshot(params.school)
  const { school, posts } = site
  return rss({
    title: school.name,
    description: `Tin mới của ${school.name}`,
    site: school.url,
    trailingSlash: true,
    items: posts.slice(0, 50).map((post) => ({
      title: post.title,
      link: absoluteUrl(site, `/bai-viet/${post.slug}/`),
      pubDate: new Date(post.publishedDate),
      description: post.summary || post.text.slice(0, 300),
      categories: [SECTIONS[post.section].title, ...post.tags],
    })),
    customData: '<language>vi</language>',
  })
}
