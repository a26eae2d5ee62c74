import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive the production build (`next start`) on its own port with fresh data
// (see e2e/support/web-server.mjs), in Debian's chromium: browsers are never downloaded.
//
// Environment:
//   E2E_PORT       port of the test server (default 3100)
//   NEXT_DIST_DIR  which build to serve (default .next); scripts/build-if-needed.mjs builds it
//   DATABASE_URL   run against PostgreSQL (a fresh database per run) instead of embedded PGlite
//   E2E_RESULTS    folder for the JSON report and failure artefacts (default test-results)
//
// Tests that do not depend on the viewport (status codes, headers, the outage test) carry the
// tag @once and run in the desktop project only.

const port = Number(process.env.E2E_PORT ?? 3100);
// "localhost", not 127.0.0.1: the server binds that name (see startApp in scripts/app-server.mjs).
const baseURL = `http://localhost:${port}`;
const results = process.env.E2E_RESULTS ?? 'test-results';
const ci = Boolean(process.env.CI);

// The phone project checks what a reader sees at 360 px, and the newsroom's pages through the
// accessibility spec (a11y.spec.ts runs every dashboard page at both sizes); the newsroom's own
// behaviour (saving, publishing, the workflow, previews) is the same at any size and runs at desktop.
const DESKTOP_ONLY = ['newsroom-editor', 'newsroom-publishing', 'newsroom-safety', 'newsroom-workflow', 'newsroom-preview', 'wordpress-import-dashboard'].map((name) => `**/${name}.spec.ts`);

// Specs whose subject does not depend on the database: layout, accessibility, colours, headers,
// the browser-side islands and picture formats. CI's PostgreSQL pass sets E2E_SKIP_DATABASE_INDEPENDENT
// and leaves them to the PGlite pass, which runs everything.
const DATABASE_INDEPENDENT = process.env.E2E_SKIP_DATABASE_INDEPENDENT
  ? ['a11y', 'dark-mode', 'reader-polish', 'http-hardening', 'embeds-tables', 'responsive-images'].map((name) => `**/${name}.spec.ts`)
  : [];

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  testIgnore: DATABASE_INDEPENDENT,
  // Two cores are shared by the server, the browser and the runner: two workers stay reliable.
  workers: 2,
  fullyParallel: true,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  // Generous: the two cores are often shared with builds. These catch hangs, they time nothing.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: `${results}/e2e-artifacts`,
  reporter: [[ci ? 'dot' : 'list'], ['json', { outputFile: `${results}/playwright.json` }]],
  use: {
    baseURL,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 60_000,
    actionTimeout: 15_000,
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    {
      name: 'phone',
      grepInvert: /@once/,
      testIgnore: [...DESKTOP_ONLY, ...DATABASE_INDEPENDENT],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: 'node e2e/support/web-server.mjs',
    url: `${baseURL}/api/health`,
    env: {
      E2E_PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_TRUST_HOST: 'true',
      AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
      // Comment specs give each test its own client address through X-Forwarded-For, so the
      // per-address flood limit does not make parallel tests wait for each other.
      TRUSTED_PROXIES: '127.0.0.1,::1',
    },
    // Includes a production build when the sources changed: a minute on two quiet cores, far
    // more when they are busy. (npm test builds before Playwright starts.)
    timeout: 900_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
