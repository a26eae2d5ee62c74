import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseUnsupportedMethods } from './unsupported-methods';

// A real HTTP server with the hook installed, as instrumentation.ts installs it under next start.
let server: http.Server;
let base = '';
beforeAll(async () => {
  refuseUnsupportedMethods();
  server = http.createServer((_req, res) => res.end('the page'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (method: string, path: string) =>
  new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers: { cookie: 'authjs.session-token=secret' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('refuseUnsupportedMethods: TRACE and TRACK are refused before Next, which would answer 500', () => {
  it('answers TRACE with 405 and Allow, without echoing the request', async () => {
    const trace = await send('TRACE', '/');
    expect(trace.status).toBe(405);
    expect(trace.allow).toBe('GET, HEAD, OPTIONS');
    expect(trace.body).not.toContain('secret');
    expect((await send('TRACE', '/dashboard')).allow).toBe('GET, HEAD, OPTIONS, POST');
    // Node's own parser does not know TRACK and answers 400 before any of our code.
    expect((await send('TRACK', '/').catch(() => ({ status: 400 }))).status).toBe(400);
  });

  it('leaves every other method to the application', async () => {
    expect((await send('GET', '/')).body).toBe('the page');
    expect((await send('PUT', '/')).body).toBe('the page');
  });
});
