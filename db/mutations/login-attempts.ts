import 'server-only';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { lockedUntil, throttleConfig } from '../../lib/auth/throttle';
import { getDb } from '../client';
import { loginAttempts } from '../schema';

/** The latest time any of the keys is locked until, or null when sign-in may be attempted. */
export async function signInLockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const config = throttleConfig(process.env);
  const since = new Date(now.getTime() - config.windowMs - config.lockoutMs);
  const db = getDb();
  let latest: Date | null = null;
  for (const key of keys) {
    const rows = await db
      .select({ succeeded: loginAttempts.succeeded, createdAt: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), gt(loginAttempts.createdAt, since)))
      .orderBy(desc(loginAttempts.createdAt))
      .limit(200);
    // For an account, a success clears the failures before it. For an address it does not, or
    // one valid account would let an attacker reset the count between guesses at others.
    const failures: Date[] = [];
    for (const row of rows) {
      if (row.succeeded) {
        if (key.startsWith('account:')) break;
        continue;
      }
      failures.push(row.createdAt);
    }
    const until = lockedUntil(failures, config, now);
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

export async function recordSignInAttempt(keys: string[], succeeded: boolean): Promise<void> {
  if (keys.length === 0) return;
  await getDb().insert(loginAttempts).values(keys.map((key) => ({ key, succeeded })));
}

/** Forgets attempts older than a day; run by the scheduler so the table stays small. */
export async function pruneSignInAttempts(now = new Date()): Promise<void> {
  await getDb().delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now.getTime() - 86_400_000)));
}
