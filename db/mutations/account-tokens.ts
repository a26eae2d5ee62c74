// One-time links into an account: the set-up link that creates the first admin of an empty
// newsroom, and password-reset links. Only a SHA-256 of each token is stored, so a copy of the
// database opens no account; a token works once and until it expires. No 'server-only' here:
// instrumentation.ts and scripts use it outside a request.
import crypto from 'node:crypto';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../connection';
import { accountTokens, auditLog, staff } from '../schema';
import { upsertStaffAccount } from './staff-accounts';

export type TokenPurpose = 'setup' | 'reset';

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const newToken = () => crypto.randomBytes(32).toString('base64url');
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{40,60}$/;

/** Hours a link stays usable: SETUP_LINK_HOURS (default 24) and RESET_LINK_MINUTES (default 60). */
export function tokenLifetimeMs(purpose: TokenPurpose, env: Record<string, string | undefined> = process.env): number {
  const num = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return purpose === 'setup' ? num(env.SETUP_LINK_HOURS, 24) * 3600_000 : num(env.RESET_LINK_MINUTES, 60) * 60_000;
}

export async function countStaff(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staff);
  return Number(row?.n ?? 0);
}

/**
 * A new set-up link when the newsroom has no staff at all, else null. Earlier set-up links stop
 * working, so only the one most recently printed in the log opens the page.
 */
export async function issueSetupToken(db: Db, now = new Date()): Promise<{ token: string; expiresAt: Date } | null> {
  return db.transaction(async (tx) => {
    // Two instances starting together on one empty database: one set-up link, not two races.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('broadsheet:setup-token'))`);
    if ((await countStaff(tx as unknown as Db)) > 0) return null;
    await tx.update(accountTokens).set({ usedAt: now }).where(and(eq(accountTokens.purpose, 'setup'), isNull(accountTokens.usedAt)));
    const token = newToken();
    const expiresAt = new Date(now.getTime() + tokenLifetimeMs('setup'));
    await tx.insert(accountTokens).values({ purpose: 'setup', tokenHash: hashToken(token), expiresAt, createdAt: now });
    return { token, expiresAt };
  });
}

/** The open token's row (staff id for resets), or null when it is unknown, used or expired. */
export async function getOpenToken(db: Db, purpose: TokenPurpose, token: string, now = new Date()): Promise<{ id: number; staffId: number | null } | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const [row] = await db
    .select({ id: accountTokens.id, staffId: accountTokens.staffId })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)));
  return row ?? null;
}

/** Claims the token inside `tx`: true for exactly one caller, however many arrive at once. */
async function claim(tx: Db, purpose: TokenPurpose, token: string, now: Date): Promise<{ id: number; staffId: number | null } | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning({ id: accountTokens.id, staffId: accountTokens.staffId });
  return row ?? null;
}

export type TokenResult = { ok: true; email: string } | { ok: false; message: string };

const SETUP_GONE = 'This set-up link has expired or has already been used. Restart the server for a new one, or create an admin with `npm run user`.';

/** Creates the first admin with the set-up link, once, and only while the newsroom has no staff. */
export async function createFirstAdmin(db: Db, token: string, input: { name: string; email: string; passwordHash: string }, now = new Date()): Promise<TokenResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('broadsheet:setup-token'))`);
    const claimed = await claim(tx as unknown as Db, 'setup', token, now);
    if (!claimed) return { ok: false as const, message: SETUP_GONE };
    if ((await countStaff(tx as unknown as Db)) > 0) return { ok: false as const, message: 'The newsroom already has staff: sign in, or ask an admin for an invitation.' };
    await upsertStaffAccount(tx as unknown as Db, { email: input.email, name: input.name, role: 'admin', passwordHash: input.passwordHash });
    return { ok: true as const, email: input.email.trim() };
  });
}

/**
 * A reset link for the active account with this e-mail, or null when there is none (the caller
 * says the same thing either way, so the form does not reveal who works here).
 */
export async function issueResetToken(db: Db, email: string, now = new Date()): Promise<{ token: string; expiresAt: Date; name: string; email: string } | null> {
  const [person] = await db
    .select({ id: staff.id, name: staff.name, email: staff.email, active: staff.active })
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email.trim().toLowerCase()));
  if (!person || !person.active) return null;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + tokenLifetimeMs('reset'));
  await db.insert(accountTokens).values({ purpose: 'reset', tokenHash: hashToken(token), staffId: person.id, expiresAt, createdAt: now });
  return { token, expiresAt, name: person.name, email: person.email };
}

/**
 * Sets the new password with a reset link, once. Every session of the account ends and every
 * other reset link of it stops working: whoever asked for them may not be the owner.
 */
export async function resetPassword(db: Db, token: string, passwordHash: string, now = new Date()): Promise<TokenResult> {
  return db.transaction(async (tx) => {
    const claimed = await claim(tx as unknown as Db, 'reset', token, now);
    if (!claimed?.staffId) return { ok: false as const, message: 'This reset link has expired or has already been used. Ask for a new one.' };
    const [person] = await tx
      .update(staff)
      .set({ passwordHash, sessionVersion: sql`${staff.sessionVersion} + 1`, modifiedAt: now })
      .where(and(eq(staff.id, claimed.staffId), eq(staff.active, true)))
      .returning({ email: staff.email });
    if (!person) return { ok: false as const, message: 'This account is no longer active. Ask an admin.' };
    await tx.update(accountTokens).set({ usedAt: now }).where(and(eq(accountTokens.staffId, claimed.staffId), eq(accountTokens.purpose, 'reset'), isNull(accountTokens.usedAt)));
    await tx.insert(auditLog).values({ staffId: claimed.staffId, action: 'staff.password_reset', subject: `staff:${claimed.staffId}`, detail: {} });
    return { ok: true as const, email: person.email };
  });
}
