// `npm run audit`: Lighthouse (12.2.3, Debian's chromium) on the front page, a section, an article
// and an author page of the production build, as a phone (Lighthouse's default: a mid-range
// Android phone on a throttled mobile connection, simulated). Prints the SEO, accessibility,
// best-practices and performance scores and every SEO or accessibility audit that did not pass.
// A report, not a test: it exits 0 whatever the scores, unless it could not run.
//
// The server is the production build (built first if needed) on AUDIT_PORT (default 3190) with a
// fresh embedded database holding the demo newspaper; SITE_URL is set to that server so canonical
// links point where Lighthouse is looking. JSON reports go to AUDIT_RESULTS (default
// test-results/lighthouse).
//
// Environment: AUDIT_PORT, NEXT_DIST_DIR (which build), CHROMIUM_PATH (default /usr/bin/chromium),
// DATABASE_URL (audit against a fresh database on that PostgreSQL server instead).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freshData, startApp } from './app-server.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';

const port = Number(process.env.AUDIT_PORT ?? 3190);
const results = process.env.AUDIT_RESULTS ?? path.join('test-results', 'lighthouse');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['seo', 'accessibility', 'best-practices', 'performance'];
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The first <loc> of a sitemap that matches. */
async function firstLoc(base, sitemap, pattern = /.*/) {
  const xml = await (await fetch(`${base}${sitemap}`)).text();
  for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const loc = m[1].replaceAll('&amp;', '&');
    if (pattern.test(loc)) return new URL(loc).pathname;
  }
  throw new Error(`No URL in ${sitemap}`);
}

/** The newest article with an image and a byline: the page readers land on most. */
async function pickPages(base) {
  const home = await (await fetch(`${base}/`)).text();
  const article = /<a[^>]+href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/.exec(home)?.[1] ?? (await firstLoc(base, '/sitemaps/articles-1.xml'));
  const articleHtml = await (await fetch(`${base}${article}`)).text();
  const author = /href="(\/author\/[a-z0-9-]+)"/.exec(articleHtml)?.[1] ?? (await firstLoc(base, '/sitemaps/authors-1.xml'));
  const section = `/${article.split('/')[1]}`;
  return [
    { name: 'home', path: '/' },
    { name: 'section', path: section },
    { name: 'article', path: article },
    { name: 'author', path: author },
  ];
}

function runLighthouse(url, outputPath) {
  return new Promise((resolve, reject) => {
    const args = [
      path.join('node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--output=json',
      `--output-path=${outputPath}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
      '--quiet',
    ];
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code} for ${url}`))));
  });
}

const pct = (score) => (score === null || score === undefined ? '  –' : String(Math.round(score * 100)).padStart(3));

async function main() {
  if (!fs.existsSync(chromium)) throw new Error(`No chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`);
  buildIfNeeded({ quiet: true });
  fs.mkdirSync(results, { recursive: true });

  const { databaseUrl, pgliteDir, drop: cleanup } = await freshData('audit');
  const base = `http://127.0.0.1:${port}`;
  const app = await startApp({ port, databaseUrl, pgliteDir, env: { SITE_URL: base } });
  const rows = [];
  const findings = [];
  try {
    const pages = await pickPages(app.url);
    for (const page of pages) {
      // Warm the page cache first: Lighthouse should measure what readers get, not the first render.
      await fetch(`${app.url}${page.path}`);
      const out = path.join(results, `${page.name}.json`);
      await runLighthouse(`${app.url}${page.path}`, out);
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      rows.push({ ...page, scores: Object.fromEntries(CATEGORIES.map((c) => [c, report.categories[c]?.score])) });
      for (const category of ['seo', 'accessibility', 'best-practices']) {
        for (const ref of report.categories[category]?.auditRefs ?? []) {
          const audit = report.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) findings.push(`${page.name} ${category}: ${audit.id}: ${audit.title}`);
        }
      }
    }
  } finally {
    await app.stop();
    await cleanup();
  }

  console.log('\nLighthouse 12.2.3, phone (simulated throttling)');
  console.log(`page      ${CATEGORIES.map((c) => c.padStart(16)).join('')}  path`);
  for (const row of rows) console.log(`${row.name.padEnd(10)}${CATEGORIES.map((c) => pct(row.scores[c]).padStart(16)).join('')}  ${row.path}`);
  if (findings.length) {
    console.log('\nAudits that did not pass:');
    for (const f of findings) console.log(`  - ${f}`);
  } else {
    console.log('\nEvery SEO, accessibility and best-practices audit passed.');
  }
  console.log(`\nReports: ${results}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
