import 'server-only';
import { recordCrop } from '../../db/mutations/media-library';
import { getMediaItem } from '../../db/queries/media';
import { sniffImageType } from '../../lib/image-sniff';
import { checkCrop, type CropFields, type CropRect } from '../../lib/media-crop';
import { assertCan, type Actor } from '../../lib/permissions';
import { permitted } from '../auth/guard';
import { logger } from '../log';
import { CropRefusedError, processCrop, UnreadableImageError } from './image-processing';
import { discardMediaFiles, MediaStoreUnavailableError, readMediaFile, trackMediaWrites } from './storage';

// An editor crops a library image, or resets it to the whole picture (the original is never
// changed). The order, so that no reader is ever sent a stale or missing file: check the
// rectangle; make the region's files under new names in the media store (local folder or S3, so
// every instance sees them); point the row at them in one transaction that also records the pages
// to expire; only then remove the files the row named before. A failure before the commit removes
// what it wrote and changes nothing. docs/decisions/2026-12-02-crops.md.

export type CropOutcome =
  | { ok: true; changed: boolean; expire: string[]; crop: CropRect | null; width: number; height: number }
  | { ok: false; status: 400 | 404 | 415 | 503; error: string; field?: keyof CropFields };

const gone: CropOutcome = { ok: false, status: 404, error: 'That image is no longer in the library.' };

/** `fields` in pixels of the original (left, top, width, height), or 'reset' for the whole picture. */
export async function applyCrop(actor: Actor, id: number, fields: CropFields | 'reset'): Promise<CropOutcome> {
  // Before any work: cutting and encoding costs seconds of CPU (recordCrop checks again, on the locked row).
  await permitted(async () => assertCan(actor, 'media.edit'));
  const item = await getMediaItem(id);
  if (!item) return gone;
  if (!item.src.startsWith('/media/') || item.mimeType === 'image/svg+xml') return { ok: false, status: 400, error: 'Only pictures uploaded to the library (JPEG, PNG, WebP, AVIF) can be cropped.' };
  let rect: { left: number; top: number; width: number; height: number } | null = null;
  let crop: CropRect | null = null;
  if (fields !== 'reset') {
    const checked = checkCrop(item.width, item.height, fields);
    if (!checked.ok) return { ok: false, status: 400, error: checked.error, field: checked.field };
    crop = checked.crop;
    rect = crop ? checked.pixels : null;
  }
  const same = (a: CropRect | null, b: CropRect | null) => (a === null || b === null ? a === b : Math.abs(a.x - b.x) < 1e-9 && Math.abs(a.y - b.y) < 1e-9 && Math.abs(a.w - b.w) < 1e-9 && Math.abs(a.h - b.h) < 1e-9);
  if (same(crop, item.crop)) return { ok: true, changed: false, expire: [], crop, width: rect?.width ?? item.width, height: rect?.height ?? item.height };

  const written: string[] = [];
  try {
    const original = await readMediaFile(item.src);
    if (!original) return { ok: false, status: 404, error: 'The original file of this image is missing from the store, so it cannot be cropped.' };
    const type = sniffImageType(original.bytes);
    if (!type) return { ok: false, status: 415, error: 'The stored original is not a JPEG, PNG, WebP, AVIF or GIF image.' };
    const made = await trackMediaWrites(written, () => processCrop(item.src, original.bytes, type, rect));
    const result = await permitted(() => recordCrop(actor, id, { crop, cropSrc: made.cropSrc, variants: made.variants }));
    if (!result) {
      await discardMediaFiles(written);
      return gone;
    }
    // After the commit: nothing names these files now.
    await discardMediaFiles(result.superseded);
    return { ok: true, changed: true, expire: result.expire, crop, width: made.width, height: made.height };
  } catch (error) {
    await discardMediaFiles(written);
    if (error instanceof CropRefusedError) return { ok: false, status: 400, error: error.message };
    if (error instanceof UnreadableImageError) return { ok: false, status: 415, error: error.message };
    if (error instanceof MediaStoreUnavailableError) {
      logger().error({ err: error, media: id }, 'crop refused: the media store is unavailable');
      return { ok: false, status: 503, error: 'The crop was not saved: the image store is not answering just now. Nothing changed; try again in a minute.' };
    }
    throw error;
  }
}
