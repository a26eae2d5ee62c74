// Which HTTP methods a page answers. Reader pages are documents: GET and HEAD (and OPTIONS, which
// says so). Pages with server actions (the newsroom and sign-in) also take POST, which is how Next
// carries an action. Anything else would otherwise be rendered as if it were a GET.

const READER_ALLOW = 'GET, HEAD, OPTIONS';
const ACTION_ALLOW = 'GET, HEAD, OPTIONS, POST';

/** Paths whose pages have server actions: everything else the proxy sees is a reader page. */
export function pathHasActions(pathname: string): boolean {
  return /^\/(dashboard|signin)(\/|$)/.test(pathname);
}

export type MethodVerdict = { kind: 'allowed' } | { kind: 'options'; allow: string } | { kind: 'not-allowed'; allow: string };

export function methodVerdict(method: string, pathname: string): MethodVerdict {
  const allow = pathHasActions(pathname) ? ACTION_ALLOW : READER_ALLOW;
  // Method names are case-sensitive (RFC 9110): `get` is not GET.
  const m = method;
  if (m === 'GET' || m === 'HEAD') return { kind: 'allowed' };
  if (m === 'OPTIONS') return { kind: 'options', allow };
  if (m === 'POST' && allow === ACTION_ALLOW) return { kind: 'allowed' };
  return { kind: 'not-allowed', allow };
}
