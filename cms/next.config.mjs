import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Sent with every response of the CMS (admin, REST API, uploaded files). The admin frames nothing
 * but itself (no live preview: the school sites open in their own tab), so only the CMS may frame it.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
]

/**
 * The admin's Content-Security-Policy: nothing from another origin. Scripts need 'unsafe-inline':
 * Next streams the page's data as inline <script> tags, and giving them nonces would need a nonce
 * per request in the proxy (which Payload's own components do not carry). Styles need it too:
 * react-select (emotion) and the Lexical editor insert <style> elements and style attributes.
 * Images come from the CMS (uploads) and blob:/data: (upload previews before saving). `next dev`
 * also evaluates code (React Refresh), so 'unsafe-eval' is added in development only.
 * scripts/e2e/run.ts clicks through the admin under this policy and fails on any violation.
 */
const adminCsp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Workspace packages ship TypeScript sources.
  transpilePackages: ['@truongso/registry', '@truongso/payload-plugin'],
  // The books' PDF renderer drives Chromium through playwright-core: loaded by Node, never bundled.
  serverExternalPackages: ['playwright-core'],
  // Type checking is `pnpm typecheck`'s job; the build only bundles.
  typescript: { ignoreBuildErrors: true },
  headers: async () => [
    { source: '/:path*', headers: securityHeaders },
    { source: '/admin/:path*', headers: [{ key: 'Content-Security-Policy', value: adminCsp }] },
  ],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
