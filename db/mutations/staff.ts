import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { staff } from '../schema';

/** Ends every session of this person: their next request finds the session version has moved on. */
export async function endAllSessions(staffId: number): Promise<void> {
  await getDb()
    .update(staff)
    .set({ sessionVersion: sql`${staff.sessionVersion} + 1` })
    .where(eq(staff.id, staffId));
}
