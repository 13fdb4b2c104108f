import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Snapshot } from '@truongso/snapshot'

/**
 * The same content as a minimal Hugo site (home, section lists paginated by 10, post pages, RSS,
 * sitemap): the speed we measure ourselves against.
 */
export function writeHugoSite(snapshotFile: string, dir: string): void {
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  // Lists are paginated by 10, Hugo's default: `paginate` (before 0.128) and `[pagination]
  // pagerSize` (after) each warn or are ignored on the other side, so neither is set.
  write('hugo.toml', `baseURL = "${snapshot.school.url}"\nlanguageCode = "vi"\ntitle = "${snapshot.school.name}"\n`)
  write('layouts/_default/baseof.html', '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="canonical" href="{{ .Permalink }}"></head><body><header><a href="/">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>')
  write('layouts/_default/list.html', '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}')
  write('layouts/_default/single.html', '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "02/01/2006" }}</p>{{ .Content }}</article>{{ end }}')
  write('layouts/index.html', '{{ define "main" }}{{ range where site.RegularPages "Section" "thong-bao" | first 5 }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}')
  for (const post of snapshot.posts) {
    write(
      `content/${post.section}/${post.slug}.html`,
      `---\ntitle: ${JSON.stringify(post.title)}\ndate: ${post.publishedDate}\nsummary: ${JSON.stringify(post.summary)}\ntags: ${JSON.stringify(post.tags)}\n---\n${post.html}\n`,
    )
  }
}
