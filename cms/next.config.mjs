import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Workspace packages ship TypeScript sources.
  transpilePackages: ['@truongso/registry', '@truongso/payload-plugin'],
  // Type checking is `pnpm typecheck`'s job; the build only bundles.
  typescript: { ignoreBuildErrors: true },
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
