import 'server-only';
import crypto from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageType } from '../../lib/image-sniff';
import type { MediaVariant } from '../../lib/media-variants';
import { writeMediaFile } from './storage';

// Every upload is decoded and re-encoded by sharp: that drops EXIF (GPS included), XMP, IPTC and
// comments, applies the camera's orientation, and proves the file is really an image. Then the
// derivatives readers are served (docs/decisions/2026-12-01-responsive-images.md): each width in
// VARIANT_WIDTHS below the original's, in AVIF, WebP and the original's format, and AVIF and WebP at
// the original's own width. Never upscaled, and a derivative that comes out no smaller in bytes
// than the original is not kept: a browser choosing it would fetch more than the original.

export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
const MAX_PIXELS = 60_000_000;

/**
 * AVIF effort 2 of 9: on this machine's cores a 1600 px AVIF takes about 0.3 s at 2 and 2.4 s at
 * the default 4, for files about 20 % larger; the sizes still beat WebP.
 */
const AVIF = { quality: 55, effort: 2 } as const;
const WEBP = { quality: 78 } as const;

export type ProcessedImage = { src: string; width: number; height: number; bytes: number; variants: Required<MediaVariant>[] };

export class UnreadableImageError extends Error {
  // Known by its name across Next's bundles, as MediaStoreUnavailableError (server/media/storage.ts).
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'UnreadableImageError';
  }

  constructor(message: string) {
    super(message);
    this.name = 'UnreadableImageError';
  }
}

function encoder(image: Sharp, type: ImageType): Sharp {
  switch (type.ext) {
    case 'jpg':
      return image.jpeg({ quality: 85, mozjpeg: true });
    case 'png':
      return image.png({ compressionLevel: 9 });
    case 'webp':
      return image.webp({ quality: 82 });
    case 'avif':
      return image.avif(AVIF);
    case 'gif':
      return image.gif();
  }
}

type Target = { format: 'avif' | 'webp' | ImageType['ext']; mime: string; width: number };

/** The widest derivative made: a larger original is offered in AVIF and WebP up to this width only. */
const WIDEST = VARIANT_WIDTHS.at(-1)!;

/** The derivatives to try for an original of this type and width, smallest first. */
export function derivativeTargets(type: ImageType, width: number, animated: boolean): Target[] {
  // The original's own width too (in the smaller formats) unless it is wider than any reader
  // page shows: a 4000 px photo's full-size AVIF would cost seconds at upload and no page asks
  // for it (the <img> keeps the original for that).
  const widths = [...VARIANT_WIDTHS.filter((w) => w < width), ...(width <= WIDEST ? [width] : [])];
  const formats: { format: Target['format']; mime: string }[] = [];
  // AVIF holds one frame here (sharp writes no animated AVIF); an animated GIF keeps GIF and WebP.
  if (!animated && type.ext !== 'avif') formats.push({ format: 'avif', mime: 'image/avif' });
  if (type.ext !== 'webp') formats.push({ format: 'webp', mime: 'image/webp' });
  formats.push({ format: type.ext, mime: type.mime });
  const targets: Target[] = [];
  for (const w of widths) {
    for (const f of formats) {
      // The original is already stored at its own width in its own format.
      if (w === width && f.format === type.ext) continue;
      targets.push({ ...f, width: w });
    }
  }
  return targets;
}

function encodeAs(image: Sharp, target: Target, type: ImageType): Sharp {
  if (target.format === 'avif') return image.avif(AVIF);
  if (target.format === 'webp') return image.webp(WEBP);
  return encoder(image, type);
}

/**
 * The derivatives of one picture (`base` makes a fresh pipeline of it, `width`×`height`), written
 * under the names `nameOf` gives, two encodes at a time. A derivative whose bytes are not fewer
 * than `referenceBytes` (the file it stands in for) is not kept.
 */
async function writeDerivatives(
  base: () => Sharp,
  type: ImageType,
  width: number,
  height: number,
  animated: boolean,
  referenceBytes: number,
  nameOf: (width: number, format: Target['format']) => string,
): Promise<Required<MediaVariant>[]> {
  const made: (Required<MediaVariant> | null)[] = [];
  const targets = derivativeTargets(type, width, animated);
  // Two encodes at a time: most of an encode runs on one thread, and the machine has two cores.
  let next = 0;
  const work = async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const target = targets[i]!;
      const resized = target.width < width ? base().resize({ width: target.width, withoutEnlargement: true }) : base();
      const { data, info } = await encodeAs(resized, target, type).toBuffer({ resolveWithObject: true });
      // Kept only when it saves bytes over the original (and is never wider than it).
      if (data.length >= referenceBytes || info.width > width) {
        made[i] = null;
        continue;
      }
      const variantSrc = nameOf(target.width, target.format);
      await writeMediaFile(variantSrc, data);
      made[i] = { width: info.width, height: Math.max(1, Math.round((info.width * height) / width)), src: variantSrc, type: target.mime, bytes: data.length };
    }
  };
  // Both finish before an error is passed on, so the caller's clean-up sees every file written.
  const settled = await Promise.allSettled([work(), work()]);
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return made.filter((v): v is Required<MediaVariant> => v != null);
}

export async function processUpload(input: Buffer, type: ImageType, now = new Date()): Promise<ProcessedImage> {
  const mayAnimate = type.ext === 'gif' || type.ext === 'webp';
  let meta: Metadata;
  try {
    meta = await sharp(input, { animated: mayAnimate, limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UnreadableImageError('That file could not be read as an image.');
  }
  if (!meta.width || !meta.height) throw new UnreadableImageError('That image has no size.');
  const animated = mayAnimate && (meta.pages ?? 1) > 1;
  const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const name = crypto.randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
  // metadata() reports the stored size; after rotate() a portrait photo's sides swap.
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : (meta.pageHeight ?? meta.height);
  const base = () => sharp(input, { animated: mayAnimate, limitInputPixels: MAX_PIXELS }).rotate();
  let original: Buffer;
  try {
    original = await encoder(base(), type).toBuffer();
  } catch {
    throw new UnreadableImageError('That image is damaged and could not be processed.');
  }
  const src = `/media/${folder}/${name}.${type.ext}`;
  await writeMediaFile(src, original);
  const variants = await writeDerivatives(base, type, width, Math.round(height), animated, original.length, (w, format) =>
    w === width ? `/media/${folder}/${name}.${format}` : `/media/${folder}/${name}-${w}.${format}`,
  );
  return { src, width, height: Math.round(height), bytes: original.length, variants };
}

/** A crop that cannot be made from this original (a vector, an animation): the editor is told why. */
export class CropRefusedError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'CropRefusedError';
  }

  constructor(message: string) {
    super(message);
    this.name = 'CropRefusedError';
  }
}

export type ProcessedCrop = {
  /** The cropped region at full size in the original's format; null for the whole picture (the original is shown). */
  cropSrc: string | null;
  width: number;
  height: number;
  /** What readers are offered, the full-size cropped file included (same format, its own width). */
  variants: Required<MediaVariant>[];
};

/**
 * The files readers are served for a crop of a stored original (`src`, its bytes `input`): the
 * region at full size and its derivatives, or with `rect` null the original's derivatives again.
 * Every name is new ("<name>-c<token>..."), so no cache anywhere holds a file of the same name with
 * other pixels, and the files of the crop before stay valid until the row stops naming them.
 */
export async function processCrop(src: string, input: Buffer, type: ImageType, rect: { left: number; top: number; width: number; height: number } | null): Promise<ProcessedCrop> {
  const m = /^(\/media\/(?:[a-z0-9._-]+\/)*)([a-z0-9_-]+?)(?:-[cr][a-z0-9]{6,})?\.[a-z0-9]+$/i.exec(src);
  if (!m) throw new CropRefusedError('Only pictures uploaded to the library can be cropped.');
  let meta: Metadata;
  try {
    meta = await sharp(input, { animated: true, limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UnreadableImageError('The stored original could not be read as an image.');
  }
  if (!meta.width || !meta.height) throw new UnreadableImageError('The stored original has no size.');
  if ((meta.pages ?? 1) > 1) throw new CropRefusedError('An animated picture cannot be cropped here; crop it before uploading.');
  // The stored original is already turned upright and stripped (processUpload).
  const width = meta.width;
  const height = meta.height;
  const token = crypto.randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
  const stem = `${m[1]}${m[2]}-${rect ? 'c' : 'r'}${token}`;
  const nameOf = (w: number, format: string) => (w === (rect?.width ?? width) ? `${stem}.${format}` : `${stem}-${w}.${format}`);
  if (!rect) {
    const base = () => sharp(input, { limitInputPixels: MAX_PIXELS });
    const variants = await writeDerivatives(base, type, width, height, false, input.length, nameOf);
    return { cropSrc: null, width, height, variants };
  }
  if (rect.left + rect.width > width || rect.top + rect.height > height) throw new CropRefusedError('The crop goes past the edge of the picture.');
  const region = () => sharp(input, { limitInputPixels: MAX_PIXELS }).extract(rect);
  const { data: full, info } = await encoder(region(), type).toBuffer({ resolveWithObject: true });
  const cropSrc = `${stem}.${type.ext}`;
  await writeMediaFile(cropSrc, full);
  // The region is re-read from its own file's pixels: the derivatives are the crop, nothing more.
  const variants = await writeDerivatives(region, type, info.width, info.height, false, full.length, nameOf);
  return { cropSrc, width: info.width, height: info.height, variants: [{ width: info.width, height: info.height, src: cropSrc, type: type.mime, bytes: full.length }, ...variants] };
}
