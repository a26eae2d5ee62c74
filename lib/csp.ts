// The site's Content-Security-Policy, in one place: next.config.ts sends it on every response, and
// the proxy widens frame-src on the pages whose embeds need it (lib/embeds.ts withFrameOrigins).
// No nonces: they would make every cached page dynamic. Scripts come from this origin only; Next's
// inline bootstrap scripts need 'unsafe-inline' (no 'unsafe-eval' in production). See
// docs/decisions/2026-11-28-security-headers.md and 2026-12-01-embeds.md.

/** The policy of a page with no embeds: frames fall back to default-src 'self'. */
export function contentSecurityPolicy(production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
