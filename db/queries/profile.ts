import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../client';
import { staff } from '../schema';

export type OwnProfile = { name: string; bio: string; email: string };

/** What the profile page shows its owner: never the password hash. */
export async function getOwnProfile(staffId: number): Promise<OwnProfile | null> {
  const [row] = await getDb().select({ name: staff.name, bio: staff.bio, email: staff.email }).from(staff).where(eq(staff.id, staffId));
  return row ?? null;
}
