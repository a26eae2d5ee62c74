import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb, type Db } from '../client';
import { recorded } from '../invalidation';
import { auditLog, staff, staffInvites } from '../schema';
import { type StaffRole } from '../../lib/domain';
import { staffChangeTags } from '../tags';
import { upsertStaffAccount } from './staff-accounts';

/** Ends every session of this person: their next request finds the session version has moved on. */
export async function endAllSessions(staffId: number): Promise<void> {
  await getDb()
    .update(staff)
    .set({ sessionVersion: sql`${staff.sessionVersion} + 1` })
    .where(eq(staff.id, staffId));
}

export type StaffChangeResult = { ok: true; expire: string[] } | { ok: false; message: string };

/** A new role takes effect on the person's next request; their sessions are renewed on sign-in. Readers never see roles: nothing expires. */
export async function changeRole(actor: Actor, staffId: number, role: StaffRole): Promise<StaffChangeResult> {
  assertCan(actor, 'staff.manage');
  if (staffId === actor.id) return { ok: false, message: 'You cannot change your own role; ask another admin.' };
  return getDb().transaction(async (tx) => {
    // The role it had, read under the lock, so the log says what changed ("from Author to Editor").
    const [current] = await tx.select({ role: staff.role }).from(staff).where(eq(staff.id, staffId)).for('update');
    if (!current) return { ok: false as const, message: 'That person is no longer on the staff list.' };
    if (current.role === role) return { ok: true as const, expire: [] };
    const done = await tx
      .update(staff)
      .set({ role, sessionVersion: sql`${staff.sessionVersion} + 1`, modifiedAt: new Date() })
      .where(eq(staff.id, staffId))
      .returning({ slug: staff.slug });
    if (!done.length) return { ok: false as const, message: 'That person is no longer on the staff list.' };
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'staff.role', subject: `staff:${staffId}`, detail: { from: current.role, role } });
    return { ok: true as const, expire: [] };
  });
}

/** Deactivating signs the person out everywhere at once and removes them from author pages. */
export async function setActive(actor: Actor, staffId: number, active: boolean): Promise<StaffChangeResult> {
  assertCan(actor, 'staff.manage');
  if (staffId === actor.id) return { ok: false, message: 'You cannot deactivate yourself; ask another admin.' };
  return getDb().transaction(async (tx) => {
    const done = await tx
      .update(staff)
      .set({ active, sessionVersion: sql`${staff.sessionVersion} + 1`, modifiedAt: new Date() })
      .where(eq(staff.id, staffId))
      .returning({ slug: staff.slug });
    if (!done.length) return { ok: false as const, message: 'That person is no longer on the staff list.' };
    await tx.insert(auditLog).values({ staffId: actor.id, action: active ? 'staff.reactivate' : 'staff.deactivate', subject: `staff:${staffId}`, detail: {} });
    return { ok: true as const, expire: await recorded(tx, staffChangeTags(done[0]!.slug)) };
  });
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const inviteHours = () => Number(process.env.INVITE_HOURS ?? 72);

/** A one-time invitation link with the role the person will have; the token is shown once. */
export async function createInvite(actor: Actor, input: { email: string; name: string; role: StaffRole }, now = new Date()): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; message: string }> {
  assertCan(actor, 'staff.manage');
  const [existing] = await getDb().select({ id: staff.id }).from(staff).where(eq(sql`lower(${staff.email})`, input.email.toLowerCase()));
  if (existing) return { ok: false, message: 'Someone on the staff already uses that e-mail address.' };
  const token = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + inviteHours() * 3600_000);
  await getDb().transaction(async (tx) => {
    await tx.insert(staffInvites).values({ tokenHash: hashToken(token), email: input.email, name: input.name, role: input.role, invitedBy: actor.id, expiresAt });
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'staff.invite', subject: `invite:${input.email.toLowerCase()}`, detail: { role: input.role } });
  });
  return { ok: true, token, expiresAt };
}

export async function getOpenInvite(token: string, now = new Date()): Promise<{ id: number; email: string; name: string; role: StaffRole } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await getDb()
    .select({ id: staffInvites.id, email: staffInvites.email, name: staffInvites.name, role: staffInvites.role })
    .from(staffInvites)
    .where(and(eq(staffInvites.tokenHash, hashToken(token)), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now)));
  return row ?? null;
}

/** Uses the invitation (once) to create the account. */
export async function acceptInvite(token: string, input: { name: string; passwordHash: string }): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const invite = await getOpenInvite(token);
  if (!invite) return { ok: false, message: 'This invitation has expired or has already been used. Ask an admin for a new one.' };
  return getDb().transaction(async (tx) => {
    const used = await tx.update(staffInvites).set({ usedAt: new Date() }).where(and(eq(staffInvites.id, invite.id), isNull(staffInvites.usedAt))).returning({ id: staffInvites.id });
    if (!used.length) return { ok: false as const, message: 'This invitation has already been used.' };
    await upsertStaffAccount(tx as unknown as Db, { email: invite.email, name: input.name, role: invite.role, passwordHash: input.passwordHash });
    return { ok: true as const, email: invite.email };
  });
}
