import 'server-only';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type AnyColumn } from 'drizzle-orm';
import type { ArticleStatus } from '../../lib/domain';
import { cropOf, type CropRect } from '../../lib/media-crop';
import type { FocalPoint, MediaVariant } from '../../lib/media-variants';
import { getDb, type Db } from '../client';
import { articles, liveEntries, media, staff } from '../schema';

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
  variants: MediaVariant[];
  focal: FocalPoint | null;
  /** The editor's crop (fractions of the original) and the cropped file readers are shown; null for the whole picture. */
  crop: CropRect | null;
  cropSrc: string | null;
  uploadedBy: string | null;
  createdAt: string;
};

/** What the library shows of an image, for the list and for its own page. */
const ITEM_COLUMNS = {
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
  focalX: media.focalX,
  focalY: media.focalY,
  cropX: media.cropX,
  cropY: media.cropY,
  cropW: media.cropW,
  cropH: media.cropH,
  cropSrc: media.cropSrc,
  uploadedBy: staff.name,
  createdAt: media.createdAt,
};

export async function listMedia(options: { q?: string; limit?: number } = {}): Promise<MediaItem[]> {
  const q = options.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await getDb()
    .select(ITEM_COLUMNS)
    .from(media)
    .leftJoin(staff, eq(staff.id, media.uploadedBy))
    .where(like ? or(ilike(media.alt, like), ilike(media.caption, like), ilike(media.credit, like), ilike(media.src, like)) : undefined)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(options.limit ?? 120);
  return rows.map(toItem);
}

type ItemRow = Omit<MediaItem, 'focal' | 'crop' | 'createdAt'> & { focalX: number | null; focalY: number | null; cropX: number | null; cropY: number | null; cropW: number | null; cropH: number | null; createdAt: Date };

function toItem({ focalX, focalY, cropX, cropY, cropW, cropH, ...r }: ItemRow): MediaItem {
  return { ...r, focal: focalX != null && focalY != null ? { x: focalX, y: focalY } : null, crop: cropOf(cropX, cropY, cropW, cropH), createdAt: r.createdAt.toISOString() };
}

export async function getMediaItem(id: number): Promise<MediaItem | null> {
  const [row] = await getDb()
    .select(ITEM_COLUMNS)
    .from(media)
    .leftJoin(staff, eq(staff.id, media.uploadedBy))
    .where(eq(media.id, id));
  return row ? toItem(row) : null;
}

/** One article using an image: as its featured picture, inside its body, in its live blog's entries, or several. */
export type MediaUse = { articleId: number; headline: string; status: ArticleStatus; path: string | null; featured: boolean; inline: boolean; liveBlog: boolean };

const hasImage = (body: AnyColumn, src: string) => sql<boolean>`jsonb_path_exists(${body}, '$.content[*] ? (@.type == "image" && @.attrs.src == $src)', jsonb_build_object('src', ${src}::text))`;

/** True when the body (jsonb) holds a figure with this src: the same test the reader page's lookup makes. */
export const bodyHasImage = (src: string) => hasImage(articles.body, src);

/** The live blogs (their article ids) with an entry, not taken back, that shows the image. */
export const liveEntryShowsImage = (src: string) =>
  inArray(articles.id, getDb().select({ id: liveEntries.articleId }).from(liveEntries).where(and(isNull(liveEntries.deletedAt), hasImage(liveEntries.body, src))));

/** How the newsroom says where an image is used. */
export function mediaUseWords(u: MediaUse): string {
  const places = [u.featured ? 'featured image' : null, u.inline ? 'in the text' : null, u.liveBlog ? 'in a live blog entry' : null].filter(Boolean);
  return places.length > 1 ? `${places.slice(0, -1).join(', ')} and ${places.at(-1)}` : (places[0] ?? '');
}

/**
 * Every article, whatever its state (draft, in review, scheduled, published or withdrawn), that
 * uses the image as its featured picture or as a figure in its body. `db` may be a transaction.
 */
export async function listMediaUses(id: number, db: Pick<Db, 'select'> = getDb()): Promise<MediaUse[]> {
  const [item] = await db.select({ src: media.src }).from(media).where(eq(media.id, id));
  if (!item) return [];
  const inline = bodyHasImage(item.src);
  const liveBlog = liveEntryShowsImage(item.src);
  const rows = await db
    .select({
      articleId: articles.id,
      headline: articles.headline,
      status: articles.status,
      path: articles.path,
      featured: sql<boolean>`coalesce(${articles.featuredImageId} = ${id}, false)`,
      inline,
      liveBlog: sql<boolean>`${liveBlog}`,
    })
    .from(articles)
    .where(or(eq(articles.featuredImageId, id), inline, liveBlog))
    .orderBy(asc(articles.headline), asc(articles.id));
  return rows;
}
