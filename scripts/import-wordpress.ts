// `npm run import:wordpress -- export.xml [more.xml …] --uploads wp-content/uploads [--dry-run] [--yes]`
// (--uploads may also be the folder as an archive, uploads.zip or uploads.tar.gz: it is unpacked,
// as a stream and with the dashboard's limits, into a temporary folder removed at the end)
// Imports a WordPress export (WXR, plain or gzipped, one file or an export split in several) with
// the site's uploads folder. --dry-run prints what it would do and writes the proposed mapping of
// authors and categories to <first file>.mapping.json; edit that file and pass it with --mapping,
// or run with --yes to take the defaults without being asked. A run that was stopped (Ctrl-C, a
// crash, a restart) is resumed by running the same command again. See README "Moving from WordPress".
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { getImportRun } from '../db/mutations/wordpress-import';
import { findImportActor, findResumableRun } from '../db/queries/wordpress-import';
import type { ImportOptions } from '../lib/wordpress/mapping';
import { planImport, runImport, startImport, type DryRunReport } from '../server/wordpress/import-job';
import { unpackUploadsArchive, UploadsArchiveError } from '../server/wordpress/uploads-archive';
import { readWxr, WxrError } from '../server/wordpress/wxr-reader';
import type { WxrSite } from '../lib/wordpress/wxr';
import { fail, openDatabase, runCommand } from './cli';

const USAGE = `Usage: npm run import:wordpress -- <export.xml[.gz]> [more files of a split export] --uploads <wp-content/uploads folder, or it as a .zip or .tar.gz>
  --dry-run            print the report and write the proposed mapping (<export>.mapping.json); import nothing
  --yes                import without asking, with the mapping file if there is one, else the defaults
  --mapping <file>     the mapping to use (authors, categories, sections), as the dry run wrote it
  --as <e-mail>        the admin the import acts as (default: the first active admin)
  --json               print the dry run's report as JSON`;


function printPlan(plan: DryRunReport) {
  const c = plan.counts;
  console.log(`\n${plan.site.title || 'WordPress site'} (${plan.site.baseBlogUrl}), WXR ${plan.site.wxrVersion}, ${plan.files.length} file(s)`);
  console.log(`  posts ${c.posts} (published ${c.published}, scheduled ${c.scheduled}, in review ${c.inReview}, drafts ${c.drafts}), pages ${c.pages}`);
  console.log(`  comments ${c.comments}, pingbacks and trackbacks ${c.pingbacks} (listed in the report, never published)`);
  console.log(`  attachments ${c.attachments}: ${c.mediaImported} images to import, ${c.mediaMissing} missing or not images`);
  console.log(`  sections ${c.sections}, topics ${c.topics}, old addresses to redirect ${c.redirects}`);
  console.log('\nAuthors:');
  for (const a of plan.authors) {
    const to = a.proposed.as === 'staff' ? `existing staff ${a.matchesStaff ?? `#${a.proposed.staffId}`}` : a.proposed.as === 'new' ? 'new inactive staff' : `byline "${a.proposed.name}"`;
    console.log(`  ${a.login.padEnd(20)} ${String(a.posts).padStart(6)} posts → ${to}`);
  }
  console.log('\nCategories:');
  for (const cat of plan.categories) console.log(`  ${'  '.repeat(cat.depth)}${cat.name} (${cat.slug}, ${cat.posts} posts) → ${plan.options.categories[cat.slug] ?? cat.proposed}`);
  console.log(`  tags: ${plan.tags} → topics; posts without a section category → section "${plan.options.defaultSection}"; pages → section "${plan.options.pagesSection}"`);
  const list = (title: string, entries: Record<string, number>) => {
    const keys = Object.keys(entries);
    if (keys.length) console.log(`\n${title}: ${keys.map((k) => `${k} (${entries[k]})`).join(', ')}`);
  };
  list('Unknown shortcodes (kept as text)', plan.unknownShortcodes);
  list('Unknown blocks (kept as a visible line)', plan.unknownBlocks);
  if (plan.embedsAsLinks) console.log(`\nEmbeds Broadsheet does not recognise (kept as links): ${plan.embedsAsLinks}`);
  if (plan.missingMedia.length) console.log(`\nMissing media (${plan.missingMedia.length}${plan.missingMedia.length >= 500 ? '+' : ''}):\n  ${plan.missingMedia.slice(0, 20).join('\n  ')}${plan.missingMedia.length > 20 ? '\n  …' : ''}`);
  if (plan.sticky.length) console.log(`\nSticky posts (pin them on the front page yourself): ${plan.sticky.map((s) => s.title).join('; ')}`);
}

/** The folder an uploads archive was unpacked into for this command, read instead of the archive's path the run records. */
let unpackedUploads: string | null = null;

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { uploads: { type: 'string' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, mapping: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (values.help || !positionals.length) fail(USAGE, values.help ? 0 : 1);
  const files = positionals.map((f) => path.resolve(f));
  for (const f of files) if (!existsSync(f) || !statSync(f).isFile()) fail(`No such file: ${f}`);
  const given = values.uploads ? path.resolve(values.uploads) : null;
  if (given && !existsSync(given)) fail(`The uploads folder ${given} does not exist (give the site's wp-content/uploads folder, or it as a .zip or .tar.gz).`);
  let uploads = given;
  if (given && statSync(given).isFile()) {
    // An archive: unpacked for this command only; a resumed run unpacks it again (prepare, below).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-uploads-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    try {
      console.log(`Unpacking ${path.basename(given)}…`);
      uploads = (await unpackUploadsArchive(given, dir)).root;
    } catch (error) {
      if (error instanceof UploadsArchiveError) fail(error.message);
      throw error;
    }
    unpackedUploads = uploads;
  }
  if (!uploads) console.warn('No --uploads folder: images will be listed as missing.');

  await openDatabase();
  const actor = await findImportActor(values.as ?? null);
  if (!actor) fail(values.as ? `No active staff member has the address ${values.as}.` : 'There is no active admin to import as: create one first (npm run user -- create … --role admin).');
  if (actor.role !== 'admin') fail(`${actor.name} is not an admin; only admins can import.`);

  // A stopped run of this export is resumed as it was set up, without reading the whole export again first.
  if (values.yes && !values['dry-run']) {
    let site: WxrSite | null = null;
    try {
      for await (const record of readWxr(files)) {
        if (record.kind === 'site') site = record.site;
        break;
      }
    } catch (error) {
      if (error instanceof WxrError) fail(`Cannot read the export: ${error.message}\nNothing was imported.`);
      throw error;
    }
    const source = site ? (site.baseBlogUrl || site.baseSiteUrl || site.link || 'wordpress').replace(/\/+$/, '') : '';
    const resumable = source ? await findResumableRun(source, files) : null;
    if (resumable) {
      console.log(`Resuming import #${resumable.id} (stopped in its ${resumable.phase} pass after ${resumable.checkpoint} items).`);
      await runAndReport(resumable.id, actor, null);
      return;
    }
  }

  let plan: DryRunReport;
  try {
    plan = await planImport(files, uploads);
  } catch (error) {
    if (error instanceof WxrError) fail(`Cannot read the export: ${error.message}\nNothing was imported.`);
    throw error;
  }
  const mappingFile = values.mapping ? path.resolve(values.mapping) : `${files[0]}.mapping.json`;
  if (values.json) console.log(JSON.stringify(plan, null, 2));
  else printPlan(plan);

  if (values['dry-run']) {
    writeFileSync(mappingFile, `${JSON.stringify(plan.options, null, 2)}\n`);
    console.log(`\nDry run: nothing imported. The proposed mapping is in ${mappingFile}; edit it and run again with --mapping ${mappingFile} (or --yes).`);
    return;
  }
  let options: ImportOptions = plan.options;
  if (existsSync(mappingFile)) {
    try {
      options = { ...plan.options, ...(JSON.parse(readFileSync(mappingFile, 'utf8')) as Partial<ImportOptions>) };
      console.log(`\nUsing the mapping in ${mappingFile}.`);
    } catch (error) {
      fail(`The mapping file ${mappingFile} is not valid JSON: ${(error as Error).message}`);
    }
  } else if (values.mapping) fail(`No mapping file at ${mappingFile}.`);

  if (!values.yes) {
    if (!process.stdin.isTTY) fail('\nNot a terminal, so nobody can be asked: run with --yes to import with this mapping.');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`\nImport ${plan.counts.posts} posts and ${plan.counts.pages} pages as ${actor.name}? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) fail('Nothing imported.', 0);
  }

  const source = (plan.site.baseBlogUrl || plan.site.baseSiteUrl || plan.site.link || 'wordpress').replace(/\/+$/, '');
  const resumable = await findResumableRun(source, files);
  const runId = resumable ? resumable.id : await startImport(actor, files, given, plan, options);
  if (resumable) console.log(`\nResuming import #${runId} (stopped in its ${resumable.phase} pass after ${resumable.checkpoint} items).`);
  else console.log(`\nImport #${runId} started.`);
  await runAndReport(runId, actor, plan);
}

async function runAndReport(runId: number, actor: { id: number; role: 'admin' | 'editor' | 'author' | 'contributor' }, plan: DryRunReport | null) {
  let last = 0;
  const started = Date.now();
  const run = await runImport(runId, {
    actor,
    prepare: unpackedUploads ? async (r) => ({ files: r.files, uploadsDir: unpackedUploads }) : undefined,
    onProgress: ({ phase, done }) => {
      if (Date.now() - last < 1000) return;
      last = Date.now();
      const total = plan ? (phase === 'media' ? plan.counts.attachments : plan.counts.posts! + plan.counts.pages!) : '?';
      process.stdout.write(`\r  ${phase}: ${done} of ${total}   `);
    },
  }).catch((error: unknown) => {
    if (error instanceof WxrError) fail(`\nThe export could not be read: ${error.message}\nWhat was imported so far is kept; fix the file and run the same command to resume.`);
    throw error;
  });
  if (!run) fail(`\nImport #${runId} is running in another process (or was stopped less than a minute ago: its lease has not run out). Try again in a minute.`);
  const finished = await getImportRun(runId);
  const report = (finished?.report ?? {}) as { redirectsOk?: number; redirectsBroken?: number; warnings?: unknown[] };
  console.log(`\rDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(finished?.counts)}`);
  console.log(`Old addresses checked: ${report.redirectsOk ?? 0} answer 301 to a live page, ${report.redirectsBroken ?? 0} do not. ${report.warnings?.length ?? 0} warnings.`);
  console.log(`The full report (every item with its old and new address, every warning) is in the dashboard, under Imports (/dashboard/imports?run=${runId}).`);
}

runCommand(main);
