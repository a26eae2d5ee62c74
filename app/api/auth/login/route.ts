import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { signIn } from '@/server/auth/auth';
import { bookSignInAttempt, settleSignInSuccess } from '@/db/mutations/login-attempts';
import { recordSignInRefusal } from '@/db/mutations/sign-in-audit';
import { getStaffCredentials } from '@/db/queries/staff';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { clientAddress, sameOrigin } from '@/server/auth/client-address';
import { PASSWORD_MAX, verifyPassword } from '@/server/auth/password';
import { resolveAuthSecret } from '@/server/auth/secret';
import { throttleConfig, throttleKeys, waitText } from '@/lib/auth/throttle';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, mintDeviceCookie, readDeviceCookie } from '@/server/auth/device-cookie';
import { mintTicket } from '@/server/auth/ticket';
import { logger } from '@/server/log';

// Password sign-in. Throttled in the database (lib/auth/throttle.ts): a device that signed in to
// the account before (its device cookie) on its own, any other client per (account, address)
// pair, per account and per address; answers 429 while locked. Works as a plain form post (redirects) and for fetch() (JSON, Accept: application/json).

export const dynamic = 'force-dynamic';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(254, 'That e-mail address is too long.'),
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX * 4, 'That password is too long.'),
  callbackUrl: z.string().optional(),
});

const INVALID = 'That e-mail address and password do not match an account.';

type Outcome = { status: number; error?: string; fieldErrors?: Record<string, string>; redirectTo?: string };

function respond(request: NextRequest, outcome: Outcome, email: string, callbackUrl: string): NextResponse {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  if (wantsJson) {
    return NextResponse.json(
      outcome.redirectTo ? { ok: true, redirectTo: outcome.redirectTo } : { ok: false, error: outcome.error, fieldErrors: outcome.fieldErrors ?? {} },
      { status: outcome.status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  if (outcome.redirectTo) return NextResponse.redirect(new URL(outcome.redirectTo, request.url), 303);
  if (outcome.status === 429) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Too many attempts</title></head><body><main><h1>Too many attempts</h1><p>${outcome.error}</p><p><a href="/signin">Back to sign in</a></p></main></body></html>`;
    return new NextResponse(html, { status: 429, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  // Back to the form, which shows the message and keeps the e-mail address (never the password).
  const back = new URL('/signin', request.url);
  back.searchParams.set('error', outcome.status === 400 ? 'missing' : 'invalid');
  if (email) back.searchParams.set('email', email.slice(0, 254));
  back.searchParams.set('callbackUrl', callbackUrl);
  return NextResponse.redirect(back, 303);
}

async function readBody(request: NextRequest): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) return (await request.json()) as Record<string, unknown>;
    return Object.fromEntries(await request.formData());
  } catch {
    return {};
  }
}

export async function POST(request: NextRequest) {
  if (!sameOrigin(request)) return NextResponse.json({ ok: false, error: 'Cross-site sign-in is not allowed.' }, { status: 403 });
  const raw = await readBody(request);
  const callbackUrl = safeCallbackPath(raw.callbackUrl);
  const parsed = signInSchema.safeParse(raw);
  const typedEmail = typeof raw.email === 'string' ? raw.email.trim() : '';
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return respond(request, { status: 400, error: 'Enter your e-mail address and password.', fieldErrors }, typedEmail, callbackUrl);
  }
  const { email, password } = parsed.data;
  const address = clientAddress(request.headers);
  const secret = resolveAuthSecret();
  const deviceId = readDeviceCookie(request.cookies.get(DEVICE_COOKIE)?.value, email, secret);
  const keys = throttleKeys({ email, address, deviceId }, throttleConfig(process.env));

  // Booked before the password is checked, so parallel guesses cannot get past the limit.
  const booking = await bookSignInAttempt(keys);
  if (!booking.ok) {
    const locked = booking.lockedUntil;
    logger().warn({ event: 'auth.throttled', address }, 'sign-in refused: too many failures');
    // In the audit log too, so an admin sees an account under attack (or a colleague locked out).
    await recordSignInRefusal('locked', email, address);
    return respond(
      request,
      { status: 429, error: `Too many failed attempts. For your security, signing in is paused: try again in ${waitText(locked)}.` },
      typedEmail,
      callbackUrl,
    );
  }

  const person = await getStaffCredentials(email);
  const passwordOk = await verifyPassword(person?.passwordHash ?? null, password);
  if (!person || !passwordOk || !person.active) {
    logger().info({ event: 'auth.failed', address }, 'sign-in failed');
    await recordSignInRefusal('failed', email, address);
    return respond(request, { status: 401, error: INVALID }, typedEmail, callbackUrl);
  }

  await settleSignInSuccess(booking.ids);
  const ticket = mintTicket(person.id, person.sessionVersion, secret);
  // Sets the session cookie on this response; the redirect target is ours, not Auth.js's.
  await signIn('credentials', { ticket, redirect: false, redirectTo: callbackUrl });
  logger().info({ event: 'auth.signed_in', staffId: person.id }, 'signed in');
  const response = respond(request, { status: 200, redirectTo: callbackUrl }, typedEmail, callbackUrl);
  // From now on this browser is a known device for the account (keeping its id if it was one).
  response.cookies.set(DEVICE_COOKIE, mintDeviceCookie(email, secret, deviceId ?? undefined), {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(request.url).protocol === 'https:',
    path: '/api/auth/login',
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
  return response;
}
