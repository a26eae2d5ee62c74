import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { editSessions } from '../schema';

/** Records that this person has the article open now (a heartbeat from the editor). */
export async function touchEditSession(articleId: number, staffId: number, now = new Date()): Promise<void> {
  await getDb()
    .insert(editSessions)
    .values({ articleId, staffId, seenAt: now })
    .onConflictDoUpdate({ target: [editSessions.articleId, editSessions.staffId], set: { seenAt: now } });
}

export async function endEditSession(articleId: number, staffId: number): Promise<void> {
  await getDb().delete(editSessions).where(and(eq(editSessions.articleId, articleId), eq(editSessions.staffId, staffId)));
}
