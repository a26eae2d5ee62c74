// What a reader's browser may choose from for one picture: the derivatives made at upload
// (server/media/image-processing.ts), grouped by format for <picture>, and the focal point an
// editor set, as a CSS object-position. Pure: used by the reader component and the dashboard.
import { z } from 'zod';

export type MediaMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/svg+xml';

/**
 * One stored derivative. Uploads before AVIF and WebP were made have only `{ width, src }` (same
 * format as the original); `type`, `height` and `bytes` are there for newer ones.
 */
export type MediaVariant = { width: number; src: string; type?: string; height?: number; bytes?: number };

/** An editor's focal point, in per cent of the width and height from the top left. */
export type FocalPoint = { x: number; y: number };

export type PictureImage = { src: string; width: number; height: number; mimeType?: string | null; variants?: MediaVariant[] | null; focal?: FocalPoint | null };

/** Browsers choose the first <source> whose type they support: the smaller formats first. */
const MODERN = ['image/avif', 'image/webp'] as const;

export type PictureSources = {
  /** <source> elements, best format first; empty when nothing but the original exists. */
  sources: { type: string; srcSet: string }[];
  /** The <img>: the original, with same-format smaller widths in its srcset when there are any. */
  fallback: { src: string; srcSet: string | undefined };
};

const srcSetOf = (list: { src: string; width: number }[]) =>
  [...list]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${encodeURI(v.src)} ${v.width}w`)
    .join(', ');

/**
 * The <picture> of an image from what exists: only the variants listed for it (an old upload
 * without AVIF or WebP gets none of those), and never a width larger than the original.
 */
export function pictureSources(image: PictureImage): PictureSources {
  const original = image.mimeType ?? mimeFromSrc(image.src);
  const variants = (image.variants ?? []).filter((v) => v.width > 0 && v.width <= image.width && typeof v.src === 'string' && v.src.startsWith('/'));
  const typeOf = (v: MediaVariant) => v.type ?? original;
  const sameFormat = variants.filter((v) => typeOf(v) === original && v.src !== image.src);
  const fallbackList = sameFormat.length ? [...sameFormat.filter((v) => v.width < image.width), { src: image.src, width: image.width }] : [];
  const sources = MODERN.filter((type) => type !== original)
    .map((type) => {
      const list = dedupeWidths(variants.filter((v) => typeOf(v) === type));
      return list.length ? { type, srcSet: srcSetOf(list) } : null;
    })
    .filter((s): s is { type: (typeof MODERN)[number]; srcSet: string } => s !== null);
  return { sources, fallback: { src: image.src, srcSet: fallbackList.length > 1 ? srcSetOf(dedupeWidths(fallbackList)) : undefined } };
}

function dedupeWidths<T extends { width: number }>(list: T[]): T[] {
  const seen = new Set<number>();
  return list.filter((v) => (seen.has(v.width) ? false : (seen.add(v.width), true)));
}

export function mimeFromSrc(src: string): MediaMime | null {
  const ext = src.split('?')[0]!.split('.').at(-1)?.toLowerCase();
  switch (ext) {
    case 'jpg':
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'gif':
      return 'image/gif';
    case 'webp':
      return 'image/webp';
    case 'avif':
      return 'image/avif';
    case 'svg':
      return 'image/svg+xml';
    default:
      return null;
  }
}

/** CSS object-position for a focal point; the centre when none is set. */
export function objectPosition(focal: FocalPoint | null | undefined): string | undefined {
  if (!focal) return undefined;
  return `${focal.x}% ${focal.y}%`;
}

const percent = (axis: string) =>
  z.coerce
    .number({ message: `The focal point’s ${axis} must be a number from 0 to 100.` })
    .refine((n) => Number.isFinite(n), `The focal point’s ${axis} must be a number from 0 to 100.`)
    .refine((n) => n >= 0 && n <= 100, `The focal point’s ${axis} must be from 0 to 100 (per cent of the ${axis === 'left' ? 'width' : 'height'}).`)
    .transform((n) => Math.round(n * 10) / 10);

/** A focal point from a form: per cent from the left and from the top, 0 to 100. */
export const focalPointSchema = z.object({ x: percent('left'), y: percent('top') });

/**
 * The rectangle to cut from an image of `width`×`height` for a crop of `targetRatio`
 * (width / height) that keeps the focal point in view: as large as the ratio allows, centred on the
 * focal point and pushed back inside the edges. Pure arithmetic, so the social crops and the tests
 * agree.
 */
export function focalCropRect(width: number, height: number, targetRatio: number, focal: FocalPoint | null | undefined): { left: number; top: number; width: number; height: number } {
  const f = focal ?? { x: 50, y: 50 };
  let w = width;
  let h = Math.round(width / targetRatio);
  if (h > height) {
    h = height;
    w = Math.min(width, Math.round(height * targetRatio));
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const left = clamp(Math.round((f.x / 100) * width - w / 2), width - w);
  const top = clamp(Math.round((f.y / 100) * height - h / 2), height - h);
  return { left, top, width: w, height: h };
}
