import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVarnish, varnishInstalled } from '../../scripts/varnish.mjs';
import { purgeBatches, purgeSharedCaches } from './http-purge';

// The project's VCL in real Varnish (Debian's varnishd; .ci/run installs it) in front of a small
// backend that answers like the app: reader pages with s-maxage, personal answers private. Each
// answer carries a count, so a cached copy is told from a fresh one.

if (process.env.CI && !varnishInstalled) throw new Error('varnishd is not installed: .ci/run installs it with apt-get');

let backend: http.Server;
let varnish: { url: string; stop: () => void } | null = null;
let served = 0;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  if (!varnishInstalled) return;
  backend = http.createServer((request, response) => {
    served += 1;
    const url = request.url ?? '/';
    const personal = url.startsWith('/private') || url.startsWith('/with-cookie');
    if (url.startsWith('/with-cookie')) response.setHeader('Set-Cookie', 'broadsheet:test=1; Path=/');
    response.setHeader('Cache-Control', personal ? 'private, no-cache, no-store, max-age=0, must-revalidate' : 's-maxage=900, stale-while-revalidate=3600');
    // Tags as the app's page cache names them (server/cache/page-cache-handler.cjs).
    if (!personal) response.setHeader('xkey', url.startsWith('/culture/') ? 'site section:culture article:7' : `site section:${url.split('/')[1] || 'front'}`);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(`<p>${url} answer ${served}</p>`);
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const { port } = backend.address() as AddressInfo;
  varnish = await startVarnish({ backendUrl: `http://127.0.0.1:${port}`, port: await freePort() });
  process.env.SHARED_CACHE_PURGE_URLS = `${varnish!.url}/`;
});

afterAll(async () => {
  varnish?.stop();
  delete process.env.SHARED_CACHE_PURGE_URLS;
  if (backend) await new Promise((resolve) => backend.close(resolve));
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${varnish!.url}${path}`, { headers, redirect: 'manual' });
  return { body: await response.text(), cache: response.headers.get('x-cache'), cacheControl: response.headers.get('cache-control') };
}

describe.skipIf(!varnishInstalled)('Varnish in front of the app (deploy/varnish/broadsheet.vcl)', () => {
  it('serves a reader page from its cache after the first request, and tells browsers to revalidate', async () => {
    const first = await get('/news');
    const second = await get('/news');
    expect(first.cache).toBe('MISS');
    expect(second).toMatchObject({ cache: 'HIT', body: first.body });
    expect(second.cacheControl).toBe('public, max-age=0, must-revalidate');
  });

  it('shares one copy between readers whatever cookies they carry', async () => {
    const first = await get('/world', { cookie: 'theme=dark' });
    expect((await get('/world', { cookie: 'other=1' })).body).toBe(first.body);
  });

  it('drops exactly the pages tagged with what the app purges, so a corrected story is not served from it and the rest stays cached', async () => {
    const before = await get('/culture/2026/11/27/a-story');
    await get('/sport');
    expect((await get('/culture/2026/11/27/a-story')).cache).toBe('HIT');
    expect((await get('/sport')).cache).toBe('HIT');
    await purgeSharedCaches(['article:7', 'comments:7']);
    const after = await get('/culture/2026/11/27/a-story');
    expect(after.cache).toBe('MISS');
    expect(after.body).not.toBe(before.body);
    expect((await get('/sport')).cache, 'an unrelated section page stays cached').toBe('HIT');
    // A tag on every page empties everything.
    await purgeSharedCaches(['site']);
    expect((await get('/sport')).cache).toBe('MISS');
  });

  it('never shows readers the tags header', async () => {
    const response = await fetch(`${varnish!.url}/world`);
    expect(response.headers.get('xkey')).toBeNull();
  });

  it('refuses the old ban-everything request and a purge that names no tags', async () => {
    await get('/world');
    expect((await fetch(`${varnish!.url}/`, { method: 'BAN' })).status).toBe(405);
    expect((await fetch(`${varnish!.url}/`, { method: 'PURGE' })).status).toBe(400);
    expect((await get('/world')).cache).toBe('HIT');
  });

  it('never caches signed-in staff, draft mode, the dashboard, the API, search, previews or comment pages', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/news', { cookie: 'authjs.session-token=abc' }],
      ['/news', { cookie: 'x=1; __Secure-authjs.session-token=abc' }],
      ['/news', { cookie: '__prerender_bypass=abc' }],
      ['/news', { RSC: '1' }],
      ['/dashboard/articles', {}],
      ['/api/comments', {}],
      ['/search?q=tide', {}],
      ['/preview/abc', {}],
      ['/comments/received', {}],
      ['/signin', {}],
    ];
    for (const [path, headers] of cases) {
      const first = await get(path, headers);
      const second = await get(path, headers);
      expect(second.body, `${path} ${JSON.stringify(headers)}`).not.toBe(first.body);
    }
  });

  it('never keeps a private answer or one that sets a cookie', async () => {
    for (const path of ['/private', '/with-cookie']) {
      const first = await get(path);
      expect((await get(path)).body, path).not.toBe(first.body);
    }
  });
});

describe.skipIf(!varnishInstalled)('who may purge', () => {
  it('refuses a purge from an address outside the configured list, and the page stays cached', async () => {
    const port = await freePort();
    const guarded = await startVarnish({ backendUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`, port, purgers: ['192.0.2.10'] });
    try {
      await fetch(`${guarded!.url}/guarded`);
      const refused = await fetch(`${guarded!.url}/`, { method: 'PURGE', headers: { 'xkey-purge': 'site' } });
      expect(refused.status).toBe(403);
      expect((await fetch(`${guarded!.url}/guarded`)).headers.get('x-cache')).toBe('HIT');
    } finally {
      guarded?.stop();
    }
  });
});

describe('purge batches', () => {
  it('splits a long tag list into headers Varnish accepts, dropping duplicates and tags with spaces', () => {
    const tags = Array.from({ length: 600 }, (_, i) => `article-slug:a-rather-long-slug-for-story-${i}`);
    const batches = purgeBatches([...tags, tags[0]!, 'not a tag']);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(4000);
    expect(batches.join(' ').split(' ')).toEqual(tags);
  });
});

describe('purging', () => {
  it('logs a cache that cannot be reached, without failing the change that caused it', async () => {
    const saved = process.env.SHARED_CACHE_PURGE_URLS;
    process.env.SHARED_CACHE_PURGE_URLS = `http://127.0.0.1:${await freePort()}/`;
    await expect(purgeSharedCaches(['test'])).resolves.toBeUndefined();
    process.env.SHARED_CACHE_PURGE_URLS = saved;
  });
});
