import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { schools } from '@truongso/registry'
import { describe, expect, it } from 'vitest'

import { nginxConfig } from '../scripts/writeNginx.ts'
import { tempDir } from './helpers.ts'

const script = fileURLToPath(new URL('../scripts/writeNginx.ts', import.meta.url))

describe('nginx configuration', () => {
  it('has one server block per school of the registry, with the exact hosts and roots', () => {
    const config = nginxConfig('/srv/truongso/sites')
    const blocks = config.split(/^server \{$/m).slice(1)
    expect(blocks).toHaveLength(34)
    const hosts = [...config.matchAll(/^\s*server_name ([^;]+);$/gm)].map((m) => m[1])
    expect(hosts).toEqual(schools.map((s) => s.host))
    expect(hosts).toContain('thcsnguyenhuydieu-hoian.quangnam.vnptweb.vn')
    expect(hosts).toContain('thcamthanh.pgddthoian.edu.vn')
    expect(new Set(hosts).size).toBe(34)
    for (const school of schools) expect(config).toContain(`root /srv/truongso/sites/${school.slug};`)
    for (const block of blocks) {
      expect(block).toContain('try_files $uri $uri/ =404;')
      expect(block).toContain('error_page 404 /404.html;')
      expect(block).toContain('gzip on;')
      expect(block).toMatch(/location \/files\/ \{[^}]*max-age=2592000/)
      expect(block).toMatch(/location \/_astro\/ \{[^}]*max-age=31536000, immutable/)
      expect(block).toMatch(/location \/ \{[^}]*max-age=300/)
      // The build's own files (.build-state.json) are not served.
      expect(block).toMatch(/location ~ \/\\\. \{\s*return 404;\s*\}/)
    }
  })

  it('passes the feedback form’s POST /api/feedback, and only that, to the CMS (default http://127.0.0.1:3000)', () => {
    const feedbackLocation = (block: string) => /^ {4}location = \/api\/feedback \{\n([\s\S]*?)^ {4}\}$/m.exec(block)?.[1] ?? ''
    const blocks = nginxConfig('/srv/truongso/sites').split(/^server \{$/m).slice(1)
    expect(blocks).toHaveLength(34)
    for (const block of blocks) {
      const location = feedbackLocation(block)
      expect(location, block.slice(0, 200)).not.toBe('')
      const directives = location.split('\n').map((l) => l.trim()).filter(Boolean)
      expect(directives).toEqual([
        'limit_except POST { deny all; }',
        'client_max_body_size 32k;',
        'proxy_pass http://127.0.0.1:3000;',
        'proxy_set_header Host $host;',
        'proxy_set_header X-Forwarded-For $remote_addr;',
      ])
      // Nothing else of a site reaches the CMS.
      expect(block.match(/proxy_pass/g)).toHaveLength(1)
    }
    // Another CMS origin; a trailing slash is dropped (nginx then passes the URI unchanged); a path is refused.
    const other = nginxConfig('/srv/truongso/sites', { cms: 'https://cms.pgddthoian.edu.vn:8443/' })
    expect(other.match(/^ {8}proxy_pass https:\/\/cms\.pgddthoian\.edu\.vn:8443;$/gm)).toHaveLength(34)
    expect(() => nginxConfig('/srv/truongso/sites', { cms: 'http://127.0.0.1:3000/api' })).toThrow(/origin/)
    expect(() => nginxConfig('/srv/truongso/sites', { cms: 'ftp://x' })).toThrow(/origin/)
  })

  it('writes the file given with --out', () => {
    const dir = tempDir('nginx')
    const out = path.join(dir, 'truongso.conf')
    execFileSync(process.execPath, [script, '--out', out, '--root', '/var/www/truongso', '--cms', 'http://10.0.0.2:3000'], { encoding: 'utf8' })
    const config = readFileSync(out, 'utf8')
    expect(config.match(/^server \{$/gm)).toHaveLength(34)
    expect(config.match(/^ {8}proxy_pass http:\/\/10\.0\.0\.2:3000;$/gm)).toHaveLength(34)
    expect(config).toContain('server_name tieuhocledo.quangnam.vnptweb.vn;')
    expect(config).toContain('root /var/www/truongso/tieuhocledo;')
    rmSync(dir, { recursive: true, force: true })
  })
})
