// An editor's crop of a library image (issue 16): a rectangle stored as fractions of the
// original's width and height, so it holds whatever size a derivative is made at. Pure: the
// mutation, the derivatives, the reader queries and the dashboard's crop tool share these sums, so
// they agree to the pixel. docs/decisions/2026-12-02-crops.md.
import { z } from 'zod';
import type { FocalPoint, MediaVariant, PictureImage } from './media-variants';

/** Fractions (0 to 1) of the original from its top left. */
export type CropRect = { x: number; y: number; w: number; h: number };
export type PixelRect = { left: number; top: number; width: number; height: number };

/** The short side of a crop, in pixels of the original: smaller than this is not worth printing. */
export const MIN_CROP_SIDE = 200;

/** The aspect presets of the crop tool; the server takes any rectangle that passes the rules. */
export const CROP_ASPECTS = [
  { value: 'free', label: 'Free', ratio: null },
  { value: '16:9', label: '16:9', ratio: 16 / 9 },
  { value: '4:3', label: '4:3', ratio: 4 / 3 },
  { value: '1:1', label: '1:1', ratio: 1 },
  { value: '3:2', label: '3:2', ratio: 3 / 2 },
] as const;

/**
 * The pixels of the original a crop covers. Every size made from the crop starts here, and the
 * reader's width/height attributes are this rectangle's, so the page reserves the right box.
 */
export function cropPixels(width: number, height: number, crop: CropRect): PixelRect {
  const left = Math.min(width - 1, Math.max(0, Math.round(crop.x * width)));
  const top = Math.min(height - 1, Math.max(0, Math.round(crop.y * height)));
  return {
    left,
    top,
    width: Math.max(1, Math.min(width - left, Math.round(crop.w * width))),
    height: Math.max(1, Math.min(height - top, Math.round(crop.h * height))),
  };
}

/** The fractions of a pixel rectangle of an original of `width`×`height`. */
export function cropFromPixels(width: number, height: number, r: PixelRect): CropRect {
  return { x: r.left / width, y: r.top / height, w: r.width / width, h: r.height / height };
}

export const isWholePicture = (width: number, height: number, r: PixelRect) => r.left === 0 && r.top === 0 && r.width === width && r.height === height;

export type CropFields = { left: string; top: string; width: string; height: string };
export type CropCheck = { ok: true; pixels: PixelRect; crop: CropRect | null } | { ok: false; field: keyof CropFields; error: string };

const FIELD_WORDS: Record<keyof CropFields, string> = { left: 'left edge', top: 'top edge', width: 'width', height: 'height' };

/**
 * A crop typed into the tool's fields (pixels of the original): whole numbers, inside the picture,
 * at least MIN_CROP_SIDE on its short side. The whole picture means no crop (null).
 */
export function checkCrop(width: number, height: number, fields: CropFields): CropCheck {
  const values = {} as Record<keyof CropFields, number>;
  for (const key of ['left', 'top', 'width', 'height'] as const) {
    const raw = (fields[key] ?? '').trim();
    const parsed = z.coerce.number().int().min(0).safeParse(raw === '' ? Number.NaN : raw);
    if (!parsed.success) return { ok: false, field: key, error: `The crop’s ${FIELD_WORDS[key]} must be a whole number of pixels, 0 or more.` };
    values[key] = parsed.data;
  }
  const r: PixelRect = { left: values.left, top: values.top, width: values.width, height: values.height };
  if (r.left >= width) return { ok: false, field: 'left', error: `The crop’s left edge must be inside the picture (less than ${width} px).` };
  if (r.top >= height) return { ok: false, field: 'top', error: `The crop’s top edge must be inside the picture (less than ${height} px).` };
  if (r.left + r.width > width) return { ok: false, field: 'width', error: `The crop goes past the right edge: left ${r.left} + width ${r.width} is more than the picture’s ${width} px.` };
  if (r.top + r.height > height) return { ok: false, field: 'height', error: `The crop goes past the bottom edge: top ${r.top} + height ${r.height} is more than the picture’s ${height} px.` };
  const short = Math.min(width, height, MIN_CROP_SIDE);
  if (r.width < short) return { ok: false, field: 'width', error: `The crop must be at least ${short} px wide.` };
  if (r.height < short) return { ok: false, field: 'height', error: `The crop must be at least ${short} px high.` };
  return { ok: true, pixels: r, crop: isWholePicture(width, height, r) ? null : cropFromPixels(width, height, r) };
}

/**
 * The focal point (per cent of the original) as per cent of the cropped region, pushed inside it
 * when it lies outside; null stays null (the region's centre). One decimal, as crop URLs carry it.
 */
export function focalInCrop(focal: FocalPoint | null | undefined, width: number, height: number, crop: CropRect | null | undefined): FocalPoint | null {
  if (!focal) return null;
  if (!crop) return focal;
  const r = cropPixels(width, height, crop);
  const rel = (v: number, start: number, size: number) => Math.round(Math.min(100, Math.max(0, ((v - start) / size) * 100)) * 10) / 10;
  return { x: rel((focal.x / 100) * width, r.left, r.width), y: rel((focal.y / 100) * height, r.top, r.height) };
}

/** A library row as the reader queries read it. */
export type StoredImage = {
  src: string;
  width: number;
  height: number;
  mimeType?: string | null;
  variants?: MediaVariant[] | null;
  focal?: FocalPoint | null;
  crop?: CropRect | null;
  cropSrc?: string | null;
};

/**
 * What readers are shown of a library image: with a crop, the cropped file, its size and the
 * derivatives made from it (the row's `variants` are those), the focal point inside it; without,
 * the original. The social crops (/og/crop) start from the same file, so they lie inside the crop.
 */
export function displayedImage(row: StoredImage): PictureImage {
  const base = { mimeType: row.mimeType ?? null, variants: row.variants ?? [] };
  if (!row.crop || !row.cropSrc) return { ...base, src: row.src, width: row.width, height: row.height, focal: row.focal ?? null };
  const r = cropPixels(row.width, row.height, row.crop);
  return { ...base, src: row.cropSrc, width: r.width, height: r.height, focal: focalInCrop(row.focal, row.width, row.height, row.crop) };
}

/** A crop from the row's four columns (all or none, as the table's check holds them). */
export function cropOf(x: number | null | undefined, y: number | null | undefined, w: number | null | undefined, h: number | null | undefined): CropRect | null {
  return x != null && y != null && w != null && h != null ? { x, y, w, h } : null;
}

/**
 * The crop tool's helper: the largest rectangle of `ratio` (width / height) centred where `r` is
 * centred, inside a picture of `width`×`height`, in whole pixels.
 */
export function fitAspect(r: PixelRect, ratio: number, width: number, height: number): PixelRect {
  let w = Math.max(1, r.width);
  let h = Math.round(w / ratio);
  if (h > height) {
    h = height;
    w = Math.round(h * ratio);
  }
  if (w > width) {
    w = width;
    h = Math.round(w / ratio);
  }
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const left = Math.min(width - w, Math.max(0, Math.round(cx - w / 2)));
  const top = Math.min(height - h, Math.max(0, Math.round(cy - h / 2)));
  return { left, top, width: w, height: h };
}
