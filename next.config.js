// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

// The catalogue's ICU messages are parsed once at build instead of on every request.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    messages: {
      path: './lib/i18n/messages',
      format: 'json',
      locales: ['ar', 'en', 'es', 'fr', 'ru', 'zh'],
      precompile: true,
    },
  },
});
// The largest request bodies; proxy.ts refuses bigger ones with 413 before anything reads them.
const bodyLimits = require('./lib/body-limits.json');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The e2e run builds into its own folder so it never disturbs a developer's build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  // proxy.ts redirects a path ending in a slash itself, so the redirect carries the security headers.
  skipTrailingSlashRedirect: true,
  // proxy.ts sees the request's own URL. Normalised, a loopback host becomes `localhost` in the
  // locale routing's rewrites (`/commitments` to `/en/commitments`), which a server started with
  // `-H 127.0.0.1` then takes for another origin and proxies, looping (vercel/next.js#94745).
  skipProxyUrlNormalize: true,
  allowedDevOrigins: ['127.0.0.1'],
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  // forbidden() answers a signed-in user who may not see a page with a real 403.
  experimental: {
    authInterrupts: true,
    // The same limit as proxy.ts (raise it in lib/body-limits.json); the proxy sees the whole body up to it.
    serverActions: { bodySizeLimit: bodyLimits.serverActionBytes },
    proxyClientMaxBodySize: Math.max(bodyLimits.serverActionBytes, bodyLimits.apiBytes),
  },
};

module.exports = withNextIntl(nextConfig);
