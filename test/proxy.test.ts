import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/server/log';
import { proxy } from '@/proxy';

// The proxy's refusals happen before it asks the database anything, so they are tested here on
// the proxy function itself; e2e/http-hardening.spec.ts checks the same on the real server.

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, 'http://news.example'), { method, headers: { host: 'news.example', ...headers } });

afterEach(() => vi.restoreAllMocks());

describe('proxy: methods and origins', () => {
  it('answers 405 with Allow to PUT, DELETE, PATCH and POST on a reader page', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
      const response = await proxy(request(method, '/'));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(await response.text()).toMatch(/^Method not allowed/);
    }
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    const response = await proxy(request('OPTIONS', '/news'));
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('refuses a cookie-bearing newsroom POST without Origin or Sec-Fetch-Site with 403, logged once without the body', async () => {
    const warn = vi.spyOn(logger(), 'warn');
    const response = await proxy(
      new NextRequest('http://news.example/dashboard/articles/1', { method: 'POST', headers: { host: 'news.example', cookie: 'authjs.session-token=x', 'next-action': 'abc' }, body: 'secret body text' }),
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/did not come from a page of this site/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).toContain('no-origin');
    expect(JSON.stringify(warn.mock.calls[0])).not.toContain('secret body text');
  });

  it('refuses a foreign, null or malformed Origin on a newsroom POST with 403, not Next’s 500', async () => {
    for (const origin of ['https://evil.example', 'null', '::::']) {
      const response = await proxy(request('POST', '/dashboard/articles/1', { origin, 'next-action': 'abc' }));
      expect(response.status, origin).toBe(403);
    }
  });
});
