import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { STAFF, UNPUBLISHED_STORIES } from '../db/seed-content';
import { demoStaff, staffPage } from './support/newsroom';

// Issue 11, items 1, 2 and 13: unpublished work stays with the people entitled to it. Every
// dashboard route (read from app/(dashboard)/ and app/preview/, so a new page is crawled too) is
// requested with no session, with a junk session cookie and with a contributor's session, under
// every spelling of its path, as HTML and as an RSC payload, and no response may carry the
// headline, standfirst or body text of a draft, review copy or scheduled story the person may not
// read, redirect bodies included. Requests go out through node:http so the path reaches the
// server exactly as written (a URL parser would fold `/./` and `/x/../` away before sending).

const port = Number(process.env.E2E_PORT ?? 3100);
const distDir = process.env.NEXT_DIST_DIR ?? '.next';

type Story = (typeof UNPUBLISHED_STORIES)[number];

/** Texts of a story that must not reach someone who may not read it: headline, standfirst, each paragraph's opening words. */
function needles(story: Story): string[] {
  const paragraphs = story.written.body
    .map((block) => ((block as { content?: { text?: unknown }[] }).content ?? []).map((inline) => (typeof inline.text === 'string' ? inline.text : '')).join(''))
    .filter((text) => text.length >= 30);
  return [story.written.headline, story.written.standfirst, ...paragraphs.map((t) => t.slice(0, 60))];
}

/** The body as text, with HTML entities and JSON escapes undone, so a needle matches however it was encoded. */
function decoded(body: string): string {
  return body
    .replace(/\\u0026/gi, '&')
    .replace(/\\u003c/gi, '<')
    .replace(/\\u003e/gi, '>')
    .replace(/\\u2019/gi, '’')
    .replace(/\\"/g, '"')
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

type Answer = { status: number; location: string; body: string };

/** One GET with the path sent byte for byte as given. */
function rawGet(rawPath: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: 'localhost', port, path: rawPath, method: 'GET', headers: { 'x-forwarded-for': '198.18.7.7', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`timed out: ${rawPath}`)));
    request.end();
  });
}

/**
 * A GET as the client router makes it: Next answers an RSC request whose `_rsc` cache-busting value
 * does not match its headers with a 307 to the right one, so that redirect is followed (once; both
 * bodies are kept, since either could leak).
 */
async function rscGet(rawPath: string, headers: Record<string, string>): Promise<Answer> {
  const first = await rawGet(rawPath, headers);
  if (first.status !== 307 || !first.location.includes('_rsc')) return first;
  const target = new URL(first.location, `http://localhost:${port}`);
  const second = await rawGet(target.pathname + target.search, headers);
  return { ...second, body: `${first.body}\n${second.body}`, location: `${first.location} ${second.location}` };
}

/** Route patterns under a folder of app/, route groups and private folders understood. */
function routePatterns(root: string, prefix: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_')) continue;
        const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
        walk(path.join(dir, entry.name), url + segment);
      } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
        out.push(url || '/');
      }
    }
  };
  walk(root, prefix);
  return out;
}

/** Every spelling of one path that should mean that path (or nothing at all). */
function spellings(pathAndQuery: string, buildId: string): string[] {
  const [pathname] = pathAndQuery.split('?');
  const join = (extra: string) => `${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}${extra}`;
  return [
    pathAndQuery,
    `/.${pathAndQuery}`,
    `/x/..${pathAndQuery}`,
    `/%2e%2e${pathAndQuery}`,
    `/%2E/${pathAndQuery.slice(1)}`,
    join('_rsc=1a2b3'),
    join('__nextDataReq=1'),
    `/_next/data/${buildId}${pathname === '/' ? '/index' : pathname}.json`,
  ];
}

async function cookieHeader(browser: Browser, role: 'contributor' | 'editor'): Promise<string> {
  const page = await staffPage(browser, role);
  const cookies = await page.context().cookies();
  await page.context().close();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Ids of the demo's unpublished articles, read from the newsroom list as an editor sees it. */
async function unpublishedIds(browser: Browser): Promise<Map<string, number>> {
  const page = await staffPage(browser, 'editor');
  const found = new Map<string, number>();
  for (const status of ['draft', 'in_review', 'scheduled']) {
    await page.goto(`/dashboard/articles?status=${status}&sort=created&direction=asc`);
    for (const link of await page.locator('a[href^="/dashboard/articles/"]').all()) {
      const match = /^\/dashboard\/articles\/(\d+)$/.exec((await link.getAttribute('href')) ?? '');
      const text = (await link.textContent())?.trim() ?? '';
      if (match && UNPUBLISHED_STORIES.some((s) => s.written.headline === text)) found.set(text, Number(match[1]));
    }
  }
  await page.context().close();
  return found;
}

test.describe('unpublished work stays with the people entitled to it @once', () => {
  test.describe.configure({ timeout: 900_000 });

  test('no dashboard route, under any spelling of its path, gives an unpublished headline or text to someone who may not read it', async ({ browser }) => {
    const buildId = fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
    const contributor = demoStaff('contributor');
    const contributorSlug = STAFF.find((s) => s.role === 'contributor' && contributor.name === `${s.firstName} ${s.lastName}`)!.slug;
    const ids = await unpublishedIds(browser);
    expect([...ids.keys()].sort(), 'every demo draft, review copy and scheduled story is found').toEqual(UNPUBLISHED_STORIES.map((s) => s.written.headline).sort());

    const colleagues = UNPUBLISHED_STORIES.filter((s) => !(s.authors as string[]).includes(contributorSlug));
    const own = UNPUBLISHED_STORIES.filter((s) => (s.authors as string[]).includes(contributorSlug));
    expect(colleagues.length).toBeGreaterThan(0);
    expect(own.length, 'the contributor has unpublished work of their own in the demo').toBeGreaterThan(0);

    const [contributorCookie, editorCookie] = [await cookieHeader(browser, 'contributor'), await cookieHeader(browser, 'editor')];
    const sessions: { name: string; cookie: string | null; forbidden: Story[] }[] = [
      { name: 'no session', cookie: null, forbidden: UNPUBLISHED_STORIES },
      { name: 'junk session cookie', cookie: `authjs.session-token=junk-${Date.now().toString(36)}`, forbidden: UNPUBLISHED_STORIES },
      { name: 'contributor', cookie: contributorCookie, forbidden: colleagues },
    ];

    // The matcher works: the same needles are found where the person may read the story.
    const colleagueId = ids.get(colleagues[0]!.written.headline)!;
    const ownId = ids.get(own[0]!.written.headline)!;
    for (const [cookie, id, story] of [
      [editorCookie, colleagueId, colleagues[0]!],
      [contributorCookie, ownId, own[0]!],
    ] as const) {
      for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
        const answer = await rscGet(`/dashboard/articles/${id}`, { cookie, ...headers });
        expect(answer.status, answer.location).toBe(200);
        expect(decoded(answer.body)).toContain(story.written.headline);
      }
      expect(decoded((await rawGet(`/preview/article/${id}`, { cookie })).body)).toContain(needles(story)[2]!);
    }

    // Every route pattern, each dynamic segment filled in with what it takes.
    const patterns = [...routePatterns(path.join('app', '(dashboard)'), ''), ...routePatterns(path.join('app', 'preview'), '/preview')];
    expect(patterns).toEqual(expect.arrayContaining(['/dashboard/articles/[id]', '/dashboard/articles/[id]/revisions', '/dashboard/preview/[id]', '/preview/article/[id]']));
    const articleIds = colleagues.map((s) => ids.get(s.written.headline)!);
    const paths = new Set<string>();
    for (const pattern of patterns) {
      if (/\/(articles|preview\/article|preview)\/\[id\]/.test(pattern)) {
        for (const id of articleIds) paths.add(pattern.replace('[id]', String(id)));
      } else {
        paths.add(pattern.replace(/\[[^\]]+\]/g, pattern.includes('comments') ? '1' : 'a-token-that-is-not-valid-at-all'));
      }
    }
    // The list's filters and search box, which read headlines and bodies too.
    for (const status of ['draft', 'in_review', 'scheduled']) paths.add(`/dashboard/articles?status=${status}`);
    paths.add('/dashboard/articles?q=the');
    paths.add(`/dashboard/articles?q=${encodeURIComponent(colleagues[0]!.written.headline.split(' ')[0]!)}`);

    const requests: { session: (typeof sessions)[number]; rawPath: string; headers: Record<string, string> }[] = [];
    for (const session of sessions) {
      for (const p of paths) {
        const all = spellings(p, buildId);
        for (const rawPath of all) requests.push({ session, rawPath, headers: session.cookie ? { cookie: session.cookie } : {} });
        // As an RSC payload too (the client router's own request), plain and under ?_rsc=.
        for (const rawPath of [all[0]!, all[5]!]) {
          requests.push({ session, rawPath, headers: { ...(session.cookie ? { cookie: session.cookie } : {}), RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%2C%7B%7D%5D' } });
        }
      }
    }

    const leaks: string[] = [];
    const errors: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const { session, rawPath, headers } = requests[next++]!;
        const answer = headers.RSC ? await rscGet(rawPath, headers) : await rawGet(rawPath, headers);
        const where = `${session.name} ${headers.RSC ? '(RSC) ' : ''}${rawPath} → ${answer.status}`;
        if (answer.status >= 500) errors.push(where);
        const text = decoded(answer.body + answer.location);
        for (const story of session.forbidden) {
          for (const needle of needles(story)) if (text.includes(needle)) leaks.push(`${where}: "${needle}"`);
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(leaks, 'unpublished text in a response to someone who may not read it').toEqual([]);
    expect(errors, 'a spelling of a path answered with a server error').toEqual([]);
  });

  test('a colleague’s draft looks exactly like a missing article to a contributor, on every page that shows an article', async ({ browser }) => {
    const ids = await unpublishedIds(browser);
    const contributor = demoStaff('contributor');
    const contributorSlug = STAFF.find((s) => s.role === 'contributor' && contributor.name === `${s.firstName} ${s.lastName}`)!.slug;
    const colleague = UNPUBLISHED_STORIES.find((s) => s.status === 'draft' && !(s.authors as string[]).includes(contributorSlug))!;
    const id = ids.get(colleague.written.headline)!;
    const cookie = await cookieHeader(browser, 'contributor');
    for (const route of [`/dashboard/articles/${id}`, `/dashboard/articles/${id}/revisions`, `/dashboard/preview/${id}`, `/preview/article/${id}`]) {
      const refused = await rawGet(route, { cookie });
      const missing = await rawGet(route.replace(String(id), '2147483000'), { cookie });
      expect(refused.status, route).toBe(404);
      expect(missing.status, route).toBe(404);
      expect(decoded(refused.body)).not.toContain(colleague.written.headline);
    }
    // And the dashboard home lists none of a colleague's unpublished headlines.
    const home = decoded((await rawGet('/dashboard', { cookie })).body);
    for (const story of UNPUBLISHED_STORIES.filter((s) => !(s.authors as string[]).includes(contributorSlug))) expect(home).not.toContain(story.written.headline);
  });
});
