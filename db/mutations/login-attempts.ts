import 'server-only';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { lockedUntil, throttleConfig, type ThrottleKey } from '../../lib/auth/throttle';
import { getDb, type Db } from '../client';
import { loginAttempts } from '../schema';

// Sign-in attempts, counted in the database so every instance sees them (lib/auth/throttle.ts has
// the rules). An attempt is booked as a failure *before* the password is checked, under an
// advisory lock per key, and turned into a success afterwards if it was one: so however many
// guesses arrive at once, on however many instances, no more than the limit are ever checked.

export type SignInBooking = { ok: true; ids: number[] } | { ok: false; lockedUntil: Date };

async function keyLockedUntil(tx: Db, key: ThrottleKey, now: Date): Promise<Date | null> {
  const config = throttleConfig(process.env);
  const rows = await tx
    .select({ succeeded: loginAttempts.succeeded, createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key.key), gt(loginAttempts.createdAt, new Date(now.getTime() - config.windowMs - config.maxLockoutMs))))
    .orderBy(desc(loginAttempts.createdAt), desc(loginAttempts.id))
    .limit(2000);
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.succeeded) {
      // For an address a success clears nothing, or one valid account would let an attacker
      // reset the count between guesses at others.
      if (key.clearedBySuccess) break;
      continue;
    }
    failures.push(row.createdAt);
  }
  return lockedUntil(failures, key.limit, config, now);
}

/**
 * Books one attempt on every key, or refuses it while any key is locked (the latest end is
 * returned). The caller checks the password only after a booking, then settles it.
 */
export async function bookSignInAttempt(keys: ThrottleKey[], now = new Date()): Promise<SignInBooking> {
  if (keys.length === 0) return { ok: true, ids: [] };
  return getDb().transaction(async (tx) => {
    // Locks in a fixed order, so two attempts sharing keys never wait on each other in a circle.
    // Advisory locks are per server, which is every instance's one primary.
    for (const key of [...new Set(keys.map((k) => k.key))].sort()) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`broadsheet:login:${key}`}))`);
    }
    let latest: Date | null = null;
    for (const key of keys) {
      const until = await keyLockedUntil(tx as unknown as Db, key, now);
      if (until && (!latest || until > latest)) latest = until;
    }
    if (latest) return { ok: false as const, lockedUntil: latest };
    const rows = await tx
      .insert(loginAttempts)
      .values(keys.map((k) => ({ key: k.key, succeeded: false, createdAt: now })))
      .returning({ id: loginAttempts.id });
    return { ok: true as const, ids: rows.map((r) => r.id) };
  });
}

/** A booked attempt whose password was right: it stops counting as a failure. */
export async function settleSignInSuccess(ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await getDb().update(loginAttempts).set({ succeeded: true }).where(inArray(loginAttempts.id, ids));
}

/** Forgets attempts older than a day, or the longest lock, whichever is longer; run by the scheduler. */
export async function pruneSignInAttempts(now = new Date()): Promise<void> {
  const config = throttleConfig(process.env);
  const keep = Math.max(86_400_000, config.windowMs + config.maxLockoutMs);
  await getDb().delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now.getTime() - keep)));
}
