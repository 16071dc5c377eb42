// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The e2e run builds into its own folder so it never disturbs a developer's build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1'],
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  // forbidden() answers a signed-in user who may not see a page with a real 403.
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
