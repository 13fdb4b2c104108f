import rss from '@astrojs/rss'

import { snapshot } from '../lib/snapshot.ts'

export function GET() {
  const { school, posts } = snapshot()
  return rss({
    title: school.name,
    description: `Tin mới của ${school.name}`,
    site: school.url,
    items: posts.slice(0, 50).map((post) => ({
      title: post.title,
      link: new URL(`bai-viet/${post.slug}/`, school.url).href,
      pubDate: new Date(post.publishedDate),
      description: post.summary,
    })),
    customData: '<language>vi</language>',
  })
}
