import path from 'node:path';
import type { NextConfig } from 'next';
import { contentSecurityPolicy } from './lib/csp';
import { FIXED_PAGE_SLUGS } from './lib/site-paths';

const production = process.env.NODE_ENV === 'production';

// See lib/csp.ts: the proxy widens frame-src for pages with embeds.
const csp = contentSecurityPolicy(production);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Skew protection for a fleet: with DEPLOYMENT_ID set (the same value when building and on every
  // instance; deploy/README.md), a browser holding pages of an older deployment reloads instead of
  // mixing its scripts with a newer one.
  deploymentId: process.env.DEPLOYMENT_ID || undefined,
  // Lets several builds (tests, benchmarks) live side by side; the default is .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // PGlite loads its WASM from its own package folder; bundling it breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', '@node-rs/argon2'],
  // Types are checked by `npm run typecheck`, which `npm test` runs; the build skips that step.
  typescript: { ignoreBuildErrors: true },
  images: { unoptimized: true },
  // forbidden() and unauthorized(): dashboard pages, server actions and route handlers answer a
  // lower role with a real 403 (see server/auth/session.ts).
  // isrFlushToDisk: false keeps Next's page and data caches in memory only. On disk they outlive the
  // process and are read back by the next one, even against another database (a reset demo, the
  // next test run) or after changes it never heard of; in memory a restart starts clean and tag
  // expiry is always complete. Sized for a few thousand cached pages per instance.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // Next's in-memory cache plus an `xkey` header naming each cached page's tags, for Varnish's
  // purges by tag (server/cache/page-cache-handler.cjs).
  cacheHandler: path.join(import.meta.dirname, 'server', 'cache', 'page-cache-handler.cjs'),
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
        ],
      },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
  async rewrites() {
    return {
      // The front page and the fixed pages live under dynamic routes so that `next build`
      // prerenders nothing that reads the database; they are rendered and cached on first visit.
      beforeFiles: [
        { source: '/', destination: '/edition/front' },
        ...FIXED_PAGE_SLUGS.map((slug) => ({ source: `/${slug}`, destination: `/pages/${slug}` })),
      ],
    };
  },
};

export default nextConfig;
