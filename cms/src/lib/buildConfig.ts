import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { message, truongsoPlugin, type TruongsoPluginOptions } from '@truongso/payload-plugin'
import { buildConfig, type EmailAdapter, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { chooseDatabase, databaseAdapter } from './database.ts'
import { busyDatabaseResponse } from './sqliteWrites.ts'
import { smtpEmailAdapter } from './email.ts'
import { backupSettings, nightlyBackupJobs, type BackupSettings } from '../ops/nightlyBackup.ts'
import { siteBuilder } from '../sites/buildSite.ts'
import { graphqlValidationRules } from './graphqlGuard.ts'
import { vietnameseOverrides } from './i18nOverrides.ts'
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
  /** The nightly backup job; default from TRUONGSO_BACKUP_* (ops/nightlyBackup.ts). */
  backups?: BackupSettings
}

/** The CMS configuration; payload.config.ts and the integration tests both build it from here. */
export function buildTruongsoConfig(options: TruongsoConfigOptions): Promise<SanitizedConfig> {
  mkdirSync(options.dataDir, { recursive: true })
  const choice = chooseDatabase(options.databaseUri, options.dataDir)
  const uploadsDir = path.join(options.dataDir, 'uploads')
  const email = options.email ?? smtpEmailAdapter()
  return buildConfig({
    serverURL: process.env.PUBLIC_SERVER_URL ?? '',
    admin: {
      importMap: { baseDir: path.join(cmsDir, 'src') },
      meta: {
        // Payload puts a space between a page's title and the suffix.
        titleSuffix: `– ${message(null, 'ui.brand-name')}`,
        description: message(null, 'ui.brand-description'),
        // The Trường Số mark (components/Branding) inline: no static file to serve.
        icons: [{ rel: 'icon', type: 'image/svg+xml', url: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 48 48'><rect width='48' height='48' rx='10' fill='%231d4ed8'/><path d='M24 8 8 18h32L24 8Z' fill='%23fff'/><path d='M12 22v16c4-2 8-2 12 0 4-2 8-2 12 0V22c-4-2-8-2-12 0-4-2-8-2-12 0Z' fill='%23fff'/></svg>" }],
        openGraph: { title: message(null, 'ui.brand-name'), description: message(null, 'ui.brand-description'), siteName: message(null, 'ui.brand-name') },
      },
      // Lists and headers; each date field's picker gets dd/MM/yyyy from the plugin (admin/dates.ts).
      dateFormat: 'dd/MM/yyyy HH:mm',
      avatar: 'default',
      components: {
        graphics: { Logo: '@truongso/payload-plugin/rsc#TruongSoLogo', Icon: '@truongso/payload-plugin/rsc#TruongSoIcon' },
      },
    },
    collections: [],
    db: databaseAdapter(choice),
    secret: options.secret ?? payloadSecret(options.dataDir),
    // A busy database is a 503 with a message the admin shows ("Hệ thống đang bận…"), never a 500.
    hooks: { afterError: [busyDatabaseResponse] },
    i18n: {
      fallbackLanguage: 'vi',
      supportedLanguages: { vi, en },
      // Payload's Vietnamese mixes in English words ("fields"); its hard-coded English error texts
      // are translated where the error is answered (@truongso/payload-plugin validation/errorResponses.ts).
      translations: { vi: vietnameseOverrides },
    },
    // A fragment cycle would overflow the stack in Payload's complexity rule (graphqlGuard.ts).
    graphQL: { validationRules: graphqlValidationRules as never },
    // E-mail goes to the console unless an adapter is given or SMTP_HOST is set.
    ...(email ? { email } : {}),
    // The nightly backup (the plugin adds its own tasks and queues to these).
    jobs: nightlyBackupJobs({ databaseUri: options.databaseUri, dataDir: options.dataDir, settings: options.backups ?? backupSettings() }),
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
    // `pnpm generate:types` writes the document types; without the global `declare module 'payload'`
    // block, which would narrow the collection slugs the plugin handles generically (its source is
    // typechecked with the CMS). The CMS imports the types where it reads documents.
    typescript: { outputFile: path.join(cmsDir, 'src/payload-types.ts'), autoGenerate: false, declare: false },
  })
}
