import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOutageProbe, pageWithoutDatabase } from './outage';

// A real server standing in for `next start`: a cached page answers at once, a page that must be
// rendered fails or waits on the database.
let server: http.Server;
let base = '';
const seen: http.IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/cached') res.writeHead(200, { 'content-type': 'text/html', 'x-nextjs-cache': 'HIT' }).end('<h1>Cached page</h1>');
    else if (req.url === '/needs-database') res.writeHead(500).end('Internal Server Error');
    else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('too late'), 2000);
    else res.writeHead(404).end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  process.env.__NEXT_PRIVATE_ORIGIN = base;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('pageWithoutDatabase: during an outage a cached page is still served, anything else is not', () => {
  it('serves a page the server answers without the database, with its status and headers', async () => {
    const page = await pageWithoutDatabase(new Request('https://news.example/cached'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(await page?.text()).toBe('<h1>Cached page</h1>');
  });

  it('gives up on a page whose render fails or waits on the database', async () => {
    expect(await pageWithoutDatabase(new Request('https://news.example/needs-database'))).toBeNull();
    expect(await pageWithoutDatabase(new Request('https://news.example/slow'), 300)).toBeNull();
  });

  it('marks its inner request with a pass that only this process recognises', async () => {
    await pageWithoutDatabase(new Request('https://news.example/cached'));
    const inner = new Request('https://news.example/cached', { headers: seen.at(-1) as Record<string, string> });
    expect(isOutageProbe(inner)).toBe(true);
    expect(isOutageProbe(new Request('https://news.example/cached', { headers: { 'x-broadsheet-outage-pass': 'guessed' } }))).toBe(false);
  });
});
