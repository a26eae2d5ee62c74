// `node scripts/node-smoke.mjs`: a quick proof that the production build serves the app under the
// Node.js that runs this script (CI runs it with Node 22 LTS while the machines run Node 20). Starts
// `next start` on a fresh embedded database (migrations and the demo newspaper run at start-up),
// asks for the health check, the front page, an article and the site feed, and stops it again.
// Exits 1 if the server does not start or any answer is not 200 with the content it should have.
//
// Environment: SMOKE_PORT (default 3195), NEXT_DIST_DIR (which build, default .next).
import { freshPgliteDir, removePgliteDir, startApp } from './app-server.mjs';

const port = Number(process.env.SMOKE_PORT ?? 3195);
const pgliteDir = freshPgliteDir('node-smoke');
let app;
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

try {
  const started = Date.now();
  app = await startApp({ port, pgliteDir, databaseUrl: undefined });
  console.log(`node ${process.version}: the server was healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const get = (path) => fetch(`${app.url}${path}`, { signal: AbortSignal.timeout(30_000) });
  const front = await get('/');
  const html = await front.text();
  check(front.status === 200 && html.includes('<h1') && html.includes('/feeds/all.xml'), `GET / answers ${front.status} with the front page`);
  const article = /href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/.exec(html)?.[1];
  const story = article ? await get(article) : null;
  check(story?.status === 200 && (await story.text()).includes('class="comments'), `GET ${article ?? '(no article linked)'} answers ${story?.status ?? '-'} with the story and its comments`);
  const feed = await get('/feeds/all.xml');
  check(feed.status === 200 && (await feed.text()).includes('<item>'), `GET /feeds/all.xml answers ${feed.status} with items`);
} catch (error) {
  check(false, `the server under node ${process.version}: ${error.message}`);
} finally {
  await app?.stop();
  removePgliteDir(pgliteDir);
}
process.exit(failed ? 1 : 0);
