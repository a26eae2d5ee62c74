import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { recorded } from '../invalidation';
import { auditLog, staff } from '../schema';
import { staffProfileChangeTags } from '../tags';

// A staff member's own profile: name, bio, password, sessions. Every role may change its own and
// nobody else's: these take only the actor, and touch only the actor's active row (locked FOR
// UPDATE), so there is no target to get wrong. Admins change other people through staff.ts.

export type ProfileResult = { ok: true; expire: string[] } | { ok: false; message: string };
export type SessionResult = { ok: true; sessionVersion: number } | { ok: false; message: string };

const GONE = 'Your account is no longer active.';

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0]!, lastName: '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! };
}

export async function updateProfile(actor: Actor, input: { name: string; bio: string }): Promise<ProfileResult> {
  return getDb().transaction(async (tx) => {
    const [me] = await tx.select({ slug: staff.slug, name: staff.name, bio: staff.bio }).from(staff).where(and(eq(staff.id, actor.id), eq(staff.active, true))).for('update');
    if (!me) return { ok: false as const, message: GONE };
    if (me.name === input.name && me.bio === input.bio) return { ok: true as const, expire: [] };
    await tx.update(staff).set({ name: input.name, ...splitName(input.name), bio: input.bio, modifiedAt: new Date() }).where(eq(staff.id, actor.id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'staff.profile', subject: `staff:${actor.id}`, detail: { nameChanged: me.name !== input.name, bioChanged: me.bio !== input.bio } });
    return { ok: true as const, expire: await recorded(tx, staffProfileChangeTags(me.slug)) };
  });
}

/** The stored hash, for the caller to check the current password against (argon2 lives in server/). */
export async function getOwnPasswordHash(actor: Actor): Promise<string | null> {
  const [me] = await getDb().select({ passwordHash: staff.passwordHash }).from(staff).where(and(eq(staff.id, actor.id), eq(staff.active, true)));
  return me?.passwordHash ?? null;
}

/**
 * Sets a new password if the stored hash is still the one the current password was checked
 * against (so two changes at once cannot both pass), and ends every session: the caller renews
 * the one that asked with the returned version.
 */
export async function changeOwnPassword(actor: Actor, input: { checkedHash: string; newHash: string }): Promise<SessionResult> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(staff)
      .set({ passwordHash: input.newHash, sessionVersion: sql`${staff.sessionVersion} + 1`, modifiedAt: new Date() })
      .where(and(eq(staff.id, actor.id), eq(staff.active, true), eq(staff.passwordHash, input.checkedHash)))
      .returning({ sessionVersion: staff.sessionVersion });
    if (!row) return { ok: false as const, message: 'Your password was changed elsewhere a moment ago; sign in again with the new one.' };
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'staff.password', subject: `staff:${actor.id}`, detail: {} });
    return { ok: true as const, sessionVersion: row.sessionVersion };
  });
}

/** Ends every session of the actor; the caller renews the one that asked with the returned version. */
export async function endOtherSessions(actor: Actor): Promise<SessionResult> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(staff)
      .set({ sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(and(eq(staff.id, actor.id), eq(staff.active, true)))
      .returning({ sessionVersion: staff.sessionVersion });
    if (!row) return { ok: false as const, message: GONE };
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'staff.sessions_ended', subject: `staff:${actor.id}`, detail: {} });
    return { ok: true as const, sessionVersion: row.sessionVersion };
  });
}
