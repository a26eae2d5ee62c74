// Creating or resetting a staff account from the command line (scripts/user.ts) and from an
// accepted invitation. No 'server-only' here: the script imports it outside Next.js.
import { eq, sql } from 'drizzle-orm';
import { slugify } from '../../lib/urls';
import type { Db } from '../connection';
import { auditLog, staff } from '../schema';
import { type StaffRole } from '../../lib/domain';

export type StaffAccountInput = { email: string; name: string; role: StaffRole; passwordHash: string };

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0]!, lastName: '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! };
}

async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name, 60);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.slug, candidate));
    if (!taken) return candidate;
  }
  throw new Error(`No free slug for ${name}`);
}

/**
 * Creates the account, or resets the password, role and name of the one with this e-mail (and
 * reactivates it). Either way every existing session of that person ends.
 */
export async function upsertStaffAccount(db: Db, input: StaffAccountInput, actorId: number | null = null): Promise<{ id: number; created: boolean }> {
  const email = input.email.trim();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: staff.id }).from(staff).where(eq(sql`lower(${staff.email})`, email.toLowerCase()));
    if (existing) {
      await tx
        .update(staff)
        .set({
          name: input.name,
          ...splitName(input.name),
          role: input.role,
          passwordHash: input.passwordHash,
          active: true,
          sessionVersion: sql`${staff.sessionVersion} + 1`,
          modifiedAt: new Date(),
        })
        .where(eq(staff.id, existing.id));
      await tx.insert(auditLog).values({ staffId: actorId, action: 'staff.reset', subject: `staff:${existing.id}`, detail: { role: input.role } });
      return { id: existing.id, created: false };
    }
    const [row] = await tx
      .insert(staff)
      .values({
        slug: await freeSlug(tx as unknown as Db, input.name),
        name: input.name,
        ...splitName(input.name),
        email,
        emailOverride: true,
        role: input.role,
        passwordHash: input.passwordHash,
      })
      .returning({ id: staff.id });
    await tx.insert(auditLog).values({ staffId: actorId, action: 'staff.create', subject: `staff:${row!.id}`, detail: { role: input.role } });
    return { id: row!.id, created: true };
  });
}
