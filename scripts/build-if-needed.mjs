// Builds the app when there is no production build, or when a source file is newer than it.
// Used by `npm start` and the end-to-end tests, so neither serves yesterday's code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeAppPaths } from './app-paths.mjs';

const SOURCES = ['app', 'components', 'db', 'lib', 'public', 'server', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json'];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIfNeeded({ quiet = false } = {}) {
  // The proxy's list of top-level routes comes from the app/ tree; a new page updates it here.
  writeAppPaths();
  const buildId = path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt > changedAt) {
    if (!quiet) console.log('Production build is up to date.');
    return;
  }
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No production build yet: building (about a minute)…');
  const result = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) buildIfNeeded();
