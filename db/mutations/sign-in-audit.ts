import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { auditLog, staff } from '../schema';

// Failed and refused sign-ins in the audit log, so an admin can see someone guessing at an account
// (or a colleague locked out) next to everything else. Nobody is signed in, so the entry has no
// actor; its subject is the account when the address names one. The typed address of an unknown
// account is not kept: people type passwords into the wrong box.

export type SignInRefusal = 'failed' | 'locked';

/** Refusals of one account from one address while it is paused are logged once per this many minutes. */
const LOCKED_REPEAT_MINUTES = 10;

export async function recordSignInRefusal(kind: SignInRefusal, email: string, address: string | null): Promise<void> {
  const db = getDb();
  const [account] = await db.select({ id: staff.id }).from(staff).where(eq(sql`lower(${staff.email})`, email.trim().toLowerCase()));
  const subject = account ? `staff:${account.id}` : 'sign-in';
  const action = `auth.${kind}`;
  // Failures are limited by the throttle; refusals while paused are not, so an attacker hammering
  // a paused account would otherwise fill the log (and the disk) one row per request.
  if (kind === 'locked') {
    const [recent] = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, action),
          eq(auditLog.subject, subject),
          sql`${auditLog.detail}->>'address' IS NOT DISTINCT FROM ${address}`,
          gt(auditLog.createdAt, sql`now() - make_interval(mins => ${LOCKED_REPEAT_MINUTES})`),
        ),
      )
      .limit(1);
    if (recent) return;
  }
  await db.insert(auditLog).values({ staffId: null, action, subject, detail: { address, ...(account ? {} : { account: 'unknown' }) } });
}
