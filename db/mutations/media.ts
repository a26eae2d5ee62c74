import 'server-only';
import { eq } from 'drizzle-orm';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { auditLog, media } from '../schema';

export type NewMedia = { src: string; mimeType: string; width: number; height: number; bytes: number; alt: string; caption: string; credit: string; variants: { width: number; src: string }[] };

export async function recordUpload(actor: Actor, item: NewMedia): Promise<number> {
  assertCan(actor, 'media.upload');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.insert(media).values({ ...item, uploadedBy: actor.id }).returning({ id: media.id });
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.upload', subject: `media:${row!.id}`, detail: { bytes: item.bytes, type: item.mimeType } });
    return row!.id;
  });
}

export async function updateMediaText(actor: Actor, id: number, text: { alt: string; caption: string; credit: string }): Promise<boolean> {
  assertCan(actor, 'media.edit');
  const done = await getDb().update(media).set({ ...text, modifiedAt: new Date() }).where(eq(media.id, id)).returning({ id: media.id });
  return done.length > 0;
}
