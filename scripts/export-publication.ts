// `npm run export -- out.tar.gz`: the whole publication as one archive that another Broadsheet
// imports with `npm run import:archive -- out.tar.gz` (README "Moving out: the publication
// export"; the format: docs/decisions/2026-12-02-publication-export.md). The archive holds
// commenters' e-mail addresses: it is personal data, so keep it and send it as such.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportPublication } from '../server/archive/export';
import { fail, openDatabase, runCommand } from './cli';

const USAGE = `Usage: npm run export -- <out.tar.gz> [--force]
  --force   replace the file if it exists`;


async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (values.help || positionals.length !== 1) fail(USAGE, values.help ? 0 : 1);
  const out = path.resolve(positionals[0]!);
  if (!out.endsWith('.tar.gz') && !out.endsWith('.tgz')) fail(`The archive is a .tar.gz: name it so (${out}).`);
  if (existsSync(out) && !values.force) fail(`${out} exists already; pass --force to replace it.`);
  if (!existsSync(path.dirname(out)) || !statSync(path.dirname(out)).isDirectory()) fail(`The folder ${path.dirname(out)} does not exist.`);
  await openDatabase();
  const started = Date.now();
  const { manifest } = await exportPublication(out);
  const counts = Object.entries(manifest.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`Exported ${manifest.source.name || 'the publication'} to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`  ${counts}; ${manifest.files.count} media files (${(manifest.files.bytes / 1e6).toFixed(1)} MB).`);
  const missing = manifest.files.missing ?? [];
  if (missing.length) console.warn(`  ${missing.length} media files the store did not have (listed in manifest.json): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  console.log('The archive holds commenters\' e-mail addresses: it is personal data; store and send it as such.');
}

runCommand(main);
