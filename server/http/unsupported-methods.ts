import { methodVerdict } from './methods';
import { onEveryRequest } from './request-hook';

// TRACE, TRACK and CONNECT never reach the proxy: Next builds a fetch `Request` for it, which
// refuses these methods ("'TRACE' HTTP method is unsupported"), and Next answers that with a 500.
// So they are answered here, on the HTTP server itself, before Next sees them: 405 with Allow,
// and never an echo of the request (which is what TRACE asks for, and what cross-site tracing
// abused to read cookies).

const FORBIDDEN_BY_FETCH = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** The Allow header for a path: route handlers under /api/ take POST, pages as methodVerdict says. */
export function allowFor(url: string): string {
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith('/api/')) return 'GET, HEAD, OPTIONS, POST';
  const verdict = methodVerdict('PUT', path);
  return verdict.kind === 'not-allowed' ? verdict.allow : 'GET, HEAD, OPTIONS';
}

export function refuseUnsupportedMethods(): void {
  onEveryRequest('unsupported-methods', (req, res) => {
    if (!req.method || !FORBIDDEN_BY_FETCH.has(req.method.toUpperCase())) return false;
    req.resume();
    res.writeHead(405, { Allow: allowFor(req.url ?? '/'), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`Method not allowed: ${req.method.slice(0, 20)} is not something this server answers.`);
    return true;
  });
}
