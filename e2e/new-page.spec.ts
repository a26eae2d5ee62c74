import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freshPgliteDir, removePgliteDir, startApp, type AppServer } from '../scripts/app-server.mjs';

// The promise of the layout (docs/decisions/2026-12-01-layout.md): adding a reader page at a new
// top-level path takes one file and no other edit. A scratch copy of this checkout gets a plain
// app/(site)/newsletter/page.tsx (no dynamic segment, no configuration), is built as `npm start`
// builds it, and must answer 200 with the site's masthead: not the proxy's 404 for an unknown
// section, and no build that fails because the page read the database while being prerendered.
// One build takes a minute or so, and nothing in it depends on the database: it runs on the
// embedded-database run of CI only.

const ROOT = path.resolve(import.meta.dirname, '..');
const PAGE = `import { getSiteSettings } from '@/db/queries/settings';

export default async function NewsletterPage() {
  const settings = await getSiteSettings();
  return <h1>The {settings.name} newsletter</h1>;
}
`;

/** The checkout's files as they are now (tracked and new, not ignored), with node_modules linked in. */
function scratchCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-page-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  // Hard links, not a symlink: Turbopack refuses a node_modules that points outside the project.
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  return dir;
}

test.describe('a new top-level reader page @once', () => {
  test.skip(Boolean(process.env.DATABASE_URL), 'the build does not depend on the database, so the embedded-database run alone builds the scratch copy');
  test.setTimeout(600_000);

  let dir: string | undefined;
  let dataDir: string | undefined;
  let app: AppServer | undefined;

  test.afterAll(async () => {
    await app?.stop();
    if (dataDir) removePgliteDir(dataDir);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one page.tsx under app/(site)/ builds and answers 200 with the masthead, with no other edit', async ({ request }) => {
    dir = scratchCopy();
    fs.mkdirSync(path.join(dir, 'app', '(site)', 'newsletter'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'app', '(site)', 'newsletter', 'page.tsx'), PAGE);

    const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NEXT_DIST_DIR: '.next', NEXT_TELEMETRY_DISABLED: '1' } });
    expect(build.status, `the build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`).toBe(0);

    dataDir = freshPgliteDir('e2e-newpage');
    app = await startApp({ cwd: dir, distDir: '.next', pgliteDir: dataDir, port: Number(process.env.E2E_PORT ?? 3100) + 7 });
    const response = await request.get(`${app.url}/newsletter`, { maxRedirects: 0, failOnStatusCode: false });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('<header class="masthead">');
    expect(html).toMatch(/<h1>The .+ newsletter<\/h1>/);
    // A section-shaped path that does not exist still answers the designed 404.
    expect((await request.get(`${app.url}/no-such-section`, { failOnStatusCode: false })).status()).toBe(404);
  });
});
