import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

// The id of the build this process serves (Next's BUILD_ID, written by `next build`), read once.
// Every instance of a fleet must run the same build; /api/health shows it, so a mixed fleet shows.

let cached: string | null = null;

export function buildId(): string {
  if (cached) return cached;
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  try {
    cached = fs.readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), distDir, 'BUILD_ID'), 'utf8').trim();
  } catch {
    cached = 'unknown';
  }
  return cached;
}
