// OWASP's device cookie: after a successful sign-in the browser gets a signed cookie naming the
// account and a random device id. Sign-in attempts that bring a valid one for the account typed
// are throttled on that device alone (lib/auth/throttle.ts), so a stranger guessing at the account
// from elsewhere cannot lock its owner out of the device they use. The signature keeps anyone
// from minting one; the id is random, so a device cookie reveals nothing but the account.
import crypto from 'node:crypto';

export const DEVICE_COOKIE = 'broadsheet-device';
export const DEVICE_COOKIE_MAX_AGE = 365 * 86_400;

function key(secret: string) {
  return crypto.createHash('sha256').update(`broadsheet device cookie\u0000${secret}`).digest();
}

const mac = (payload: string, secret: string) => crypto.createHmac('sha256', key(secret)).update(payload).digest('base64url');

export function mintDeviceCookie(email: string, secret: string, deviceId = crypto.randomBytes(16).toString('base64url')): string {
  const payload = `${deviceId}.${Buffer.from(email.trim().toLowerCase()).toString('base64url')}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The device id when the cookie is genuine and was issued for this e-mail, else null. */
export function readDeviceCookie(value: string | undefined, email: string, secret: string): string | null {
  if (!value || value.length > 600) return null;
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const [, deviceId, encodedEmail, given] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(`${deviceId}.${encodedEmail}`, secret), 'base64url');
  const got = Buffer.from(given, 'base64url');
  if (got.length !== expected.length || !crypto.timingSafeEqual(got, expected)) return null;
  if (Buffer.from(encodedEmail, 'base64url').toString() !== email.trim().toLowerCase()) return null;
  return deviceId;
}
