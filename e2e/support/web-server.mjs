// The web server Playwright starts (playwright.config.ts): the production build on E2E_PORT with
// fresh data, removed again when Playwright stops it.
//  - no DATABASE_URL: a new embedded-database folder under the temp folder;
//  - DATABASE_URL naming a database made for this run (broadsheet_e2e_*, as `npm test` does): that;
//  - any other DATABASE_URL: a new database on that server, dropped afterwards, so a run never
//    writes into a database someone uses.
// The server migrates and seeds the demo newspaper itself on first start (instrumentation.ts;
// startApp passes SEED_DEMO=true, since a database server otherwise starts with no accounts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFreshDatabase, databaseName, freshPgliteDir, redactUrl, removePgliteDir, startApp } from '../../scripts/app-server.mjs';
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';

const port = Number(process.env.E2E_PORT ?? 3100);

/** Folders left by runs that were killed before they could clean up (their lock holder is gone). */
function removeStaleFolders() {
  const tmp = os.tmpdir();
  const hourAgo = Date.now() - 3600_000;
  for (const entry of fs.readdirSync(tmp)) {
    if (!/^e2e-[a-z0-9]+-\d+$/.test(entry)) continue;
    const dir = path.join(tmp, entry);
    const pid = Number(entry.split('-').at(-1));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive && fs.statSync(dir).mtimeMs < hourAgo) removePgliteDir(dir);
  }
}

buildIfNeeded({ quiet: true });
removeStaleFolders();

let cleanup = async () => {};
let databaseUrl;
let pgliteDir;
if (process.env.DATABASE_URL) {
  if (databaseName(process.env.DATABASE_URL).startsWith('broadsheet_e2e')) {
    databaseUrl = process.env.DATABASE_URL;
  } else {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, 'broadsheet_e2e');
    databaseUrl = fresh.url;
    cleanup = fresh.drop;
  }
  console.log(`e2e server: PostgreSQL database ${redactUrl(databaseUrl)}`);
} else {
  pgliteDir = freshPgliteDir('e2e');
  cleanup = async () => removePgliteDir(pgliteDir);
  console.log(`e2e server: embedded database in ${pgliteDir}`);
}

let app;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await app?.stop().catch(() => {});
  await cleanup().catch((error) => console.error(`e2e server: cleanup failed: ${error.message}`));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

try {
  // Playwright owns the process group and signals all of it; the server is not detached.
  app = await startApp({ port, databaseUrl, pgliteDir, detached: false, echo: true });
  console.log(`e2e server: ready on ${app.url}`);
} catch (error) {
  console.error(error.message);
  await shutdown(1);
}

// Playwright stops us with a signal; if the server dies on its own, say so and clean up.
const watch = setInterval(() => {
  if (app?.exited() && !stopping) {
    console.error(`e2e server: the server exited (${JSON.stringify(app.exited())})`);
    clearInterval(watch);
    void shutdown(1);
  }
}, 500);
