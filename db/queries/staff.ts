import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { staff } from '../schema';
import { type StaffRole } from '../../lib/domain';

/** What a signed-in request needs to know about its staff member; read on every request. */
export type StaffIdentity = { id: number; slug: string; name: string; email: string; role: StaffRole; active: boolean; sessionVersion: number };

const identityColumns = {
  id: staff.id,
  slug: staff.slug,
  name: staff.name,
  email: staff.email,
  role: staff.role,
  active: staff.active,
  sessionVersion: staff.sessionVersion,
};

export async function getStaffIdentity(id: number): Promise<StaffIdentity | null> {
  const [row] = await getDb().select(identityColumns).from(staff).where(eq(staff.id, id));
  return row ?? null;
}

/** For the password check only: the hash never leaves the sign-in route. */
export async function getStaffCredentials(email: string): Promise<(StaffIdentity & { passwordHash: string | null }) | null> {
  const [row] = await getDb()
    .select({ ...identityColumns, passwordHash: staff.passwordHash })
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email.trim().toLowerCase()));
  return row ?? null;
}

export type StaffListItem = { id: number; slug: string; name: string; email: string; role: StaffRole; active: boolean; jobTitle: string; hasPassword: boolean };

export async function listStaff(options: { activeOnly?: boolean } = {}): Promise<StaffListItem[]> {
  return getDb()
    .select({
      id: staff.id,
      slug: staff.slug,
      name: staff.name,
      email: staff.email,
      role: staff.role,
      active: staff.active,
      jobTitle: staff.jobTitle,
      hasPassword: sql<boolean>`${staff.passwordHash} IS NOT NULL`,
    })
    .from(staff)
    .where(options.activeOnly ? eq(staff.active, true) : undefined)
    .orderBy(asc(staff.name));
}

/** Staff who can be named in a byline: active people, by name. */
export async function listBylineStaff(): Promise<{ id: number; name: string; slug: string }[]> {
  return getDb().select({ id: staff.id, name: staff.name, slug: staff.slug }).from(staff).where(and(eq(staff.active, true))).orderBy(asc(staff.name));
}
