import http from 'node:http';
import { expect, test, type Page, type Request } from '@playwright/test';
import { createDraft, fillStandfirst, staffPage, unique, waitSaved } from './support/newsroom';

// HTTP as an attacker or an odd client would use it: methods a page does not answer, and
// state-changing requests that do not come from a page of this site. Every refusal is a 4xx
// with a plain message, never a 500 and never the page itself. They do not depend on the viewport.

/** A raw request: fetch() and Playwright refuse to send TRACE, a raw socket does not. */
function raw(method: string, url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('reader pages answer only GET, HEAD and OPTIONS @once', () => {
  test('PUT, DELETE, PATCH and POST on reader pages answer 405 with Allow, not the page', async ({ request }) => {
    for (const path of ['/', '/news']) {
      for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
        const response = await request.fetch(path, { method, data: 'x=1', failOnStatusCode: false, maxRedirects: 0 });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()['allow'], `${method} ${path}`).toBe('GET, HEAD, OPTIONS');
        const body = await response.text();
        expect(body).toMatch(/^Method not allowed/);
        expect(body).not.toContain('<html');
      }
    }
  });

  test('a server-action POST to a reader page answers 405: reader pages have no actions', async ({ request, baseURL }) => {
    const response = await request.post('/', { headers: { 'next-action': '0'.repeat(42), origin: baseURL!, accept: 'text/x-component' }, data: '[]', failOnStatusCode: false });
    expect(response.status()).toBe(405);
    expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  });

  test('OPTIONS answers 204 with Allow; the newsroom also allows POST', async ({ request }) => {
    const reader = await request.fetch('/', { method: 'OPTIONS', failOnStatusCode: false });
    expect(reader.status()).toBe(204);
    expect(reader.headers()['allow']).toBe('GET, HEAD, OPTIONS');
    const newsroom = await request.fetch('/dashboard', { method: 'OPTIONS', failOnStatusCode: false });
    expect(newsroom.headers()['allow']).toBe('GET, HEAD, OPTIONS, POST');
  });

  test('TRACE / answers 405 with Allow, never a 500, and never echoes the request', async ({ baseURL }) => {
    // Next cannot even see TRACE (it fails building a fetch Request); instrumentation.ts answers it.
    const response = await raw('TRACE', `${baseURL}/`);
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(response.body).not.toContain('TRACE / HTTP');
  });

  test('GET and HEAD still answer 200', async ({ request }) => {
    expect((await request.get('/')).status()).toBe(200);
    expect((await request.head('/')).status()).toBe(200);
  });
});

/** An editor's genuine "save draft" server-action request, captured as the editor sends it. */
async function captureSave(editor: Page, standfirst: string): Promise<Request> {
  const captured = editor.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']) && (r.postData() ?? '').includes(standfirst));
  await fillStandfirst(editor, standfirst);
  const request = await captured;
  await waitSaved(editor);
  return request;
}

async function standfirstOf(editor: Page, id: number): Promise<string> {
  await editor.goto(`/dashboard/articles/${id}`);
  return editor.getByLabel('Standfirst').inputValue();
}

test.describe('state-changing newsroom requests must come from a page of this site @once', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a replayed action with a session but no Origin, or a foreign, null or malformed one, gets 403 with a message and changes nothing', async ({ browser, baseURL }) => {
    const editor = await staffPage(browser, 'editor');
    const id = await createDraft(editor, unique('Origin check story'));
    const save = await captureSave(editor, 'The standfirst as the editor wrote it.');
    // Saves are versioned: the replay is based on the version the editor's save produced, so that
    // a replay that gets through really is carried out (and one refused would have been).
    const args = JSON.parse(save.postData() ?? '') as unknown[];
    expect(Array.isArray(args) && args[0] === id && typeof args[1] === 'number', 'the save action is called with (articleId, version, draft)').toBe(true);
    args[1] = (args[1] as number) + 1;
    const forgedBody = JSON.stringify(args).replace('The standfirst as the editor wrote it.', 'A standfirst forged by a replay.');
    const replay = (headers: Record<string, string>) =>
      editor.context().request.post(save.url(), {
        headers: { 'next-action': save.headers()['next-action']!, 'content-type': save.headers()['content-type'] ?? 'text/plain;charset=UTF-8', accept: 'text/x-component', ...headers },
        data: forgedBody,
        failOnStatusCode: false,
        maxRedirects: 0,
      });

    // Playwright's request context sends neither Origin nor Sec-Fetch-Site, as a script would.
    const variants: Record<string, string>[] = [{}, { origin: 'https://evil.example' }, { origin: 'null' }, { origin: 'http://[' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of variants) {
      const response = await replay(headers);
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain('did not come from a page of this site');
    }
    expect(await standfirstOf(editor, id)).toBe('The standfirst as the editor wrote it.');

    // The same request from the editor's page (its Origin) is carried out: the check is the origin.
    const allowed = await replay({ origin: baseURL! });
    expect(allowed.status()).toBe(200);
    expect(await standfirstOf(editor, id)).toBe('A standfirst forged by a replay.');
    await editor.context().close();
  });

  test('route handlers refuse a cookie-bearing POST without Origin too: media upload and comments', async ({ browser }) => {
    const editor = await staffPage(browser, 'editor');
    const upload = await editor.context().request.post('/api/media', { multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('x') } }, failOnStatusCode: false });
    expect(upload.status()).toBe(403);
    expect((await upload.json()).error).toBeTruthy();
    const comment = await editor.context().request.post('/api/comments', { data: { articleId: 1, name: 'A', email: 'a@example.com', comment: 'Hello' }, failOnStatusCode: false });
    expect(comment.status()).toBe(403);
    expect((await comment.json()).error).toBe('Comments can only be posted from this site.');
    await editor.context().close();
  });
});
