// `npm test`: the type check, the layout rules, the unit and database tests (Vitest), then the end-to-end tests
// (Playwright against the production build). Ends with one line, `N passed, N failed` (and
// `, N skipped` when some were), summed from the runners' JSON reports; exits non-zero on any
// failure. A failed type check counts as one failure.
//
// With DATABASE_URL set, the database tests make their own databases on that server, and the
// end-to-end server gets a fresh database (broadsheet_e2e_*) that is dropped afterwards.
//
// Options: --skip-typecheck, --skip-layout, --skip-unit, --skip-e2e; --database-only (Vitest runs only
// the folders that reach a database: db/, server/, app/, test/; lib/ and components/ are pure and
// need one run, not one per database); any other argument goes to Playwright (a spec file, --grep ...).
// TEST_RESULTS sets the report folder (default test-results).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createFreshDatabase, redactUrl } from './app-server.mjs';

const args = process.argv.slice(2);
const skip = (what) => args.includes(`--skip-${what}`);
const databaseOnly = args.includes('--database-only');
const playwrightArgs = args.filter((a) => !a.startsWith('--skip-') && a !== '--database-only');
const results = process.env.TEST_RESULTS ?? 'test-results';
const vitestReport = path.join(results, 'vitest.json');
const playwrightReport = path.join(results, 'playwright.json');

fs.mkdirSync(results, { recursive: true });
for (const report of [vitestReport, playwrightReport]) fs.rmSync(report, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
const problems = [];

function run(label, command, commandArgs, env = {}) {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  console.log(`── ${label}: ${result.status === 0 ? 'ok' : `exit ${result.status ?? result.signal}`} in ${((Date.now() - started) / 1000).toFixed(0)} s ──`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const bin = (name) => path.join('node_modules', '.bin', name);

// 1. Types.
if (!skip('typecheck')) {
  if (!run('type check', 'npm', ['run', '--silent', 'typecheck'])) {
    totals.failed += 1;
    problems.push('the type check failed');
  }
}

// 2. The layout's import rules and client files (npm run lint:layout).
if (!skip('layout')) {
  if (!run('layout rules', 'npm', ['run', '--silent', 'lint:layout'])) {
    totals.failed += 1;
    problems.push('the layout rules are broken');
  }
}

// 3. Unit and database tests.
if (!skip('unit')) {
  const folders = databaseOnly ? ['db/', 'server/', 'app/', 'test/'] : [];
  const ok = run(databaseOnly ? 'database tests (Vitest)' : 'unit and database tests (Vitest)', bin('vitest'), ['run', ...folders], { VITEST_JSON_REPORT: vitestReport });
  const report = readJson(vitestReport);
  if (!report) {
    totals.failed += 1;
    problems.push('Vitest wrote no report');
  } else {
    totals.passed += report.numPassedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    let failed = report.numFailedTests ?? 0;
    // A file that fails to load has no failed test in it, but it failed.
    const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed')).length;
    failed += brokenFiles;
    if (!ok && failed === 0) failed = 1;
    totals.failed += failed;
    if (failed) problems.push(`${failed} Vitest failure(s)`);
  }
}

// 4. End-to-end tests.
if (!skip('e2e')) {
  let database = null;
  const env = { E2E_RESULTS: results };
  let ready = run('production build (if needed)', process.execPath, ['scripts/build-if-needed.mjs']);
  if (ready && process.env.DATABASE_URL) {
    try {
      database = await createFreshDatabase(process.env.DATABASE_URL, 'broadsheet_e2e');
      env.DATABASE_URL = database.url;
      console.log(`End-to-end database: ${redactUrl(database.url)}`);
    } catch (error) {
      ready = false;
      console.error(`Could not create a database for the end-to-end tests on ${redactUrl(process.env.DATABASE_URL)}: ${error.message}`);
    }
  }
  if (!ready) {
    totals.failed += 1;
    problems.push('the end-to-end tests could not start');
  } else {
    const ok = run('end-to-end tests (Playwright)', bin('playwright'), ['test', ...playwrightArgs], env);
    const report = readJson(playwrightReport);
    if (database) {
      await database.drop().catch((error) => console.error(`Could not drop ${database.name}: ${error.message}`));
    }
    if (!report) {
      totals.failed += 1;
      problems.push('Playwright wrote no report');
    } else {
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
      // Errors outside any test (the web server did not start, a spec did not load).
      const outside = (report.errors ?? []).length;
      let failed = unexpected + outside;
      if (!ok && failed === 0) failed = 1;
      totals.passed += expected + flaky;
      totals.flaky += flaky;
      totals.skipped += skipped;
      totals.failed += failed;
      if (failed) problems.push(`${failed} Playwright failure(s)`);
    }
  }
}

const summary = { ...totals, problems };
fs.writeFileSync(path.join(results, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log('');
if (problems.length) console.log(`Failures: ${problems.join('; ')}.`);
if (totals.flaky) console.log(`${totals.flaky} end-to-end test(s) passed only on a retry (flaky): see the report.`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
