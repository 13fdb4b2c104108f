import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { truongsoPlugin, type TruongsoPluginOptions } from '@truongso/payload-plugin'
import { buildConfig, type EmailAdapter, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { chooseDatabase, databaseAdapter } from './database.ts'
import { smtpEmailAdapter } from './email.ts'
import { siteBuilder } from '../sites/buildSite.ts'
import { cmsDir, repoDir, sitesDistDir, snapshotsDir } from './paths.ts'
import { payloadSecret } from './secret.ts'

export type TruongsoConfigOptions = {
  /** DATABASE_URI; unset → SQLite file in dataDir. */
  databaseUri: string | undefined
  dataDir: string
  secret?: string
  /** E-mail adapter; default: Payload's console output. */
  email?: EmailAdapter | Promise<EmailAdapter>
  /** Where site snapshots and built sites go; defaults under sites/. */
  sites?: { snapshotsDir: string; distRoot: string }
  /** Payload's log level (pino): 'info' by default, 'silent' in tests. */
  logLevel?: string
  plugin?: TruongsoPluginOptions
}

/** The CMS configuration; payload.config.ts and the integration tests both build it from here. */
export function buildTruongsoConfig(options: TruongsoConfigOptions): Promise<SanitizedConfig> {
  mkdirSync(options.dataDir, { recursive: true })
  const choice = chooseDatabase(options.databaseUri, options.dataDir)
  const uploadsDir = path.join(options.dataDir, 'uploads')
  return buildConfig({
    serverURL: process.env.PUBLIC_SERVER_URL ?? '',
    admin: {
      importMap: { baseDir: path.join(cmsDir, 'src') },
      meta: { titleSuffix: ' – Trường Số', description: 'Hồ sơ điện tử và website trường học – Phòng GDĐT Hội An' },
      dateFormat: 'dd/MM/yyyy HH:mm',
      avatar: 'default',
    },
    collections: [],
    db: databaseAdapter(choice),
    secret: options.secret ?? payloadSecret(options.dataDir),
    i18n: { fallbackLanguage: 'vi', supportedLanguages: { vi, en } },
    // E-mail goes to the console unless an adapter is given or SMTP_HOST is set.
    ...(options.email ? { email: options.email } : smtpEmailAdapter() ? { email: smtpEmailAdapter() } : {}),
    editor: lexicalEditor(),
    plugins: [
      truongsoPlugin({
        uploadsDir,
        sites: {
          build: siteBuilder({
            uploadsDir,
            sitesDir: path.join(repoDir, 'sites'),
            snapshotsDir: options.sites?.snapshotsDir ?? snapshotsDir,
            distRoot: options.sites?.distRoot ?? sitesDistDir,
          }),
        },
        ...options.plugin,
      }),
    ],
    sharp,
    telemetry: false,
    logger: { options: { level: options.logLevel ?? process.env.LOG_LEVEL ?? 'info' } },
    typescript: { outputFile: path.join(cmsDir, 'src/payload-types.ts'), autoGenerate: false },
  })
}
