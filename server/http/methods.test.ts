import { describe, expect, it } from 'vitest';
import { methodVerdict, pathHasActions } from './methods';

describe('methodVerdict: reader pages are read, only action pages take POST', () => {
  it('reader pages answer GET and HEAD, say what they allow to OPTIONS, and refuse the rest', () => {
    for (const path of ['/', '/news', '/news/2026/12/01/a-story', '/search']) {
      expect(methodVerdict('GET', path)).toEqual({ kind: 'allowed' });
      expect(methodVerdict('HEAD', path)).toEqual({ kind: 'allowed' });
      expect(methodVerdict('OPTIONS', path)).toEqual({ kind: 'options', allow: 'GET, HEAD, OPTIONS' });
      for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'get']) expect(methodVerdict(m, path), `${m} ${path}`).toEqual({ kind: 'not-allowed', allow: 'GET, HEAD, OPTIONS' });
    }
  });

  it('the newsroom and sign-in take POST (server actions) but not PUT, DELETE or PATCH', () => {
    for (const path of ['/dashboard', '/dashboard/articles/4', '/signin', '/signin/invite/abc']) {
      expect(pathHasActions(path)).toBe(true);
      expect(methodVerdict('POST', path)).toEqual({ kind: 'allowed' });
      expect(methodVerdict('PUT', path)).toEqual({ kind: 'not-allowed', allow: 'GET, HEAD, OPTIONS, POST' });
    }
    expect(pathHasActions('/dashboards')).toBe(false);
    expect(pathHasActions('/signing-off')).toBe(false);
  });
});

describe('pathHasActions knows every page that can receive a server action', () => {
  it('every file under app/ that defines or imports server actions serves a path pathHasActions accepts', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const files = (fs.readdirSync('app', { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts'));
    const withActions = files.filter((f) => {
      const text = fs.readFileSync(path.join('app', f), 'utf8');
      return /^\s*['"]use server['"]/m.test(text) || /from\s+['"][^'"]*_actions\//.test(text);
    });
    expect(withActions.length).toBeGreaterThan(0);
    for (const file of withActions) {
      // The URL path: route groups "(…)" and private folders "_…" are not part of it.
      const urlPath = '/' + file.split(path.sep).slice(0, -1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('_')).join('/');
      expect(pathHasActions(urlPath), `${file} serves ${urlPath}, which the proxy answers 405 to POST: add it to pathHasActions`).toBe(true);
    }
  });
});
