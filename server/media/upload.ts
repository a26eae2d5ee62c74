import 'server-only';
import { z } from 'zod';
import { recordUpload } from '../../db/mutations/media';
import { MAX_UPLOAD_BYTES, sniffImageType } from '../../lib/image-sniff';
import type { Actor } from '../../lib/permissions';
import { permitted } from '../auth/guard';
import { logger } from '../log';
import { processUpload, UnreadableImageError } from './image-processing';
import { discardMediaFiles, MediaStoreUnavailableError, trackMediaWrites } from './storage';

// One image upload after the request is known to be allowed (app/api/media/route.ts checks origin,
// session and declared size first): check the file and its text, re-encode it and store the
// original and its derivatives, then record the row. Files are written first and the row last, so
// a reader never meets a row whose files are missing; if anything fails after the first write,
// every file written is removed again and no row exists.

const textSchema = z.object({
  alt: z.string().trim().max(500, 'Alt text can be at most 500 characters.').default(''),
  caption: z.string().trim().max(1000, 'The caption can be at most 1,000 characters.').default(''),
  credit: z.string().trim().max(200, 'The credit can be at most 200 characters.').default(''),
});

export type UploadOutcome =
  | { ok: true; id: number; src: string; width: number; height: number }
  | { ok: false; status: 400 | 413 | 415 | 503; error: string; retryAfter?: number };

const refuse = (status: 400 | 413 | 415, error: string): UploadOutcome => ({ ok: false, status, error });

export async function acceptUpload(actor: Actor, form: FormData): Promise<UploadOutcome> {
  const file = form.get('file');
  if (!(file instanceof File)) return refuse(400, 'Choose an image to upload.');
  if (file.size === 0) return refuse(400, 'That file is empty.');
  if (file.size > MAX_UPLOAD_BYTES) return refuse(413, `“${file.name}” is larger than 15 MB. Export a smaller version and try again.`);
  const text = textSchema.safeParse({ alt: form.get('alt') ?? undefined, caption: form.get('caption') ?? undefined, credit: form.get('credit') ?? undefined });
  if (!text.success) return refuse(400, text.error.issues[0]!.message);
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) return refuse(415, `“${file.name}” is not a JPEG, PNG, WebP, AVIF or GIF image.`);

  const written: string[] = [];
  try {
    const processed = await trackMediaWrites(written, () => processUpload(bytes, type));
    const id = await permitted(() => recordUpload(actor, { ...processed, mimeType: type.mime, ...text.data }));
    return { ok: true, id, src: processed.src, width: processed.width, height: processed.height };
  } catch (error) {
    await discardMediaFiles(written);
    if (error instanceof UnreadableImageError) return refuse(415, `“${file.name}”: ${error.message}`);
    if (error instanceof MediaStoreUnavailableError) {
      logger().error({ err: error, actor: actor.id }, 'upload refused: the media store is unavailable');
      return { ok: false, status: 503, retryAfter: 60, error: `“${file.name}” was not saved: the image store is not answering just now. Nothing was added to the library; try again in a minute.` };
    }
    throw error;
  }
}
