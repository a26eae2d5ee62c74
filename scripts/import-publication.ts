// `npm run import:archive -- file.tar.gz [--as admin@example.org]`: imports an archive made by
// `npm run export` into this database (README "Moving out: the publication export"; the format
// and the rules for content already here: docs/decisions/2026-12-02-publication-export.md).
// Everything is checked first and written in one transaction: a bad archive changes nothing.
// Running it again adds nothing twice.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRefusedError } from '../db/mutations/publication-archive';
import { findImportActor } from '../db/queries/wordpress-import';
import { ArchiveError, importPublication } from '../server/archive/import';
import { fail, openDatabase, runCommand } from './cli';

const USAGE = `Usage: npm run import:archive -- <archive.tar.gz> [--as <e-mail>] [--json]
  --as <e-mail>   the admin the import acts as (default: the first active admin; none is needed
                  while the database has no staff at all)
  --json          print the report as JSON`;


async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (values.help || positionals.length !== 1) fail(USAGE, values.help ? 0 : 1);
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`No such file: ${file}`);
  await openDatabase();
  const actor = await findImportActor(values.as ?? null);
  if (values.as && !actor) fail(`No active staff member has the address ${values.as}.`);
  if (actor && actor.role !== 'admin') fail(`${actor.name} is not an admin; only admins can import.`);

  const started = Date.now();
  let result;
  try {
    result = await importPublication(file, { actor });
  } catch (error) {
    if (error instanceof ArchiveError) fail(`Cannot import ${file}: ${error.message}\nNothing was imported.`);
    if (error instanceof ImportRefusedError) fail(`${error.message}\nNothing was imported.`);
    throw error;
  }
  const { manifest, report } = result;
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`Imported ${manifest.source.name || 'a publication'} (${manifest.source.siteUrl}, exported ${manifest.createdAt.toISOString()}) in ${((Date.now() - started) / 1000).toFixed(1)} s${actor ? ` as ${actor.name}` : ''}.`);
  for (const [kind, k] of Object.entries(report.kinds)) console.log(`  ${kind.padEnd(14)} ${String(k.created).padStart(6)} new, ${String(k.matched).padStart(6)} already here${k.skipped ? `, ${k.skipped} left out` : ''}`);
  if (report.conflicts.length) {
    console.log(`\n${report.conflicts.length} lines were not imported as they are, because of what this database holds:`);
    for (const c of report.conflicts.slice(0, 50)) console.log(`  ${c.file}, line ${c.line} (${c.key}): ${c.message}`);
    if (report.conflicts.length > 50) console.log('  … (run with --json for all of them)');
  }
  console.log('\nImported staff have no password: each person sets one with "Forgot your password?" on the sign-in page.');
  console.log('Running instances of the site refresh their pages through the invalidation outbox.');
}

runCommand(main);
