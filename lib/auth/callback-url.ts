// Where to send someone after signing in: a path on this site only, never another origin.

export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

export function safeCallbackPath(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  // "//evil.example" and "/\evil.example" are protocol-relative to browsers; control characters can
  // hide either from a naive check.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'http://same.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://same.invalid') return fallback;
  // Back to the sign-in page or into the auth endpoints would loop.
  if (url.pathname === '/signin' || url.pathname.startsWith('/api/auth')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
