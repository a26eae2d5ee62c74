// A sign-in ticket: minted by the throttled password check (app/api/auth/login) and accepted by
// the credentials provider, so the provider never sees a password and no request can skip the
// throttle by calling Auth.js's own callback endpoint. It never leaves the server.
import crypto from 'node:crypto';

const TTL_MS = 60_000;

function key(secret: string) {
  return crypto.createHash('sha256').update(`broadsheet sign-in ticket\u0000${secret}`).digest();
}

export function mintTicket(staffId: number, sessionVersion: number, secret: string, now = Date.now()): string {
  const payload = `${staffId}.${sessionVersion}.${now + TTL_MS}`;
  const mac = crypto.createHmac('sha256', key(secret)).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

export function readTicket(ticket: unknown, secret: string, now = Date.now()): { staffId: number; sessionVersion: number } | null {
  if (typeof ticket !== 'string' || ticket.length > 200) return null;
  const m = /^(\d{1,10})\.(\d{1,10})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
  if (!m) return null;
  const [, id, version, expires, mac] = m as unknown as [string, string, string, string, string];
  const expected = crypto.createHmac('sha256', key(secret)).update(`${id}.${version}.${expires}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (Number(expires) < now) return null;
  return { staffId: Number(id), sessionVersion: Number(version) };
}
