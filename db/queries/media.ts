import 'server-only';
import { desc, eq, ilike, or } from 'drizzle-orm';
import { getDb } from '../client';
import { media, staff } from '../schema';

export type MediaItem = {
  id: number;
  src: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  variants: { width: number; src: string }[];
  uploadedBy: string | null;
  createdAt: string;
};

export async function listMedia(options: { q?: string; limit?: number } = {}): Promise<MediaItem[]> {
  const q = options.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await getDb()
    .select({
      id: media.id,
      src: media.src,
      mimeType: media.mimeType,
      width: media.width,
      height: media.height,
      bytes: media.bytes,
      alt: media.alt,
      caption: media.caption,
      credit: media.credit,
      variants: media.variants,
      uploadedBy: staff.name,
      createdAt: media.createdAt,
    })
    .from(media)
    .leftJoin(staff, eq(staff.id, media.uploadedBy))
    .where(like ? or(ilike(media.alt, like), ilike(media.caption, like), ilike(media.credit, like), ilike(media.src, like)) : undefined)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(options.limit ?? 120);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
