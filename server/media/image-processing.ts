import 'server-only';
import crypto from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageType } from '../../lib/image-sniff';
import { writeMediaFile } from './storage';

// Every upload is decoded and re-encoded by sharp: that drops EXIF (GPS included), XMP, IPTC and
// comments, applies the camera's orientation, and proves the file is really an image. Smaller
// widths are made for responsive images.

export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
const MAX_PIXELS = 60_000_000;

export type ProcessedImage = { src: string; width: number; height: number; bytes: number; variants: { width: number; src: string }[] };

export class UnreadableImageError extends Error {}

function encoder(image: Sharp, type: ImageType): Sharp {
  switch (type.ext) {
    case 'jpg':
      return image.jpeg({ quality: 85, mozjpeg: true });
    case 'png':
      return image.png({ compressionLevel: 9 });
    case 'webp':
      return image.webp({ quality: 82 });
    case 'avif':
      return image.avif({ quality: 60 });
    case 'gif':
      return image.gif();
  }
}

export async function processUpload(input: Buffer, type: ImageType, now = new Date()): Promise<ProcessedImage> {
  const animated = type.ext === 'gif' || type.ext === 'webp';
  let meta: Metadata;
  try {
    meta = await sharp(input, { animated, limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UnreadableImageError('That file could not be read as an image.');
  }
  if (!meta.width || !meta.height) throw new UnreadableImageError('That image has no size.');
  const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const name = crypto.randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
  // metadata() reports the stored size; after rotate() a portrait photo's sides swap.
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : (meta.pageHeight ?? meta.height);
  const base = () => sharp(input, { animated, limitInputPixels: MAX_PIXELS }).rotate();
  let original: Buffer;
  try {
    original = await encoder(base(), type).toBuffer();
  } catch {
    throw new UnreadableImageError('That image is damaged and could not be processed.');
  }
  const src = `/media/${folder}/${name}.${type.ext}`;
  await writeMediaFile(src, original);
  const variants: { width: number; src: string }[] = [];
  for (const w of VARIANT_WIDTHS) {
    if (w >= width) break;
    const variantSrc = `/media/${folder}/${name}-${w}.${type.ext}`;
    await writeMediaFile(variantSrc, await encoder(base().resize({ width: w }), type).toBuffer());
    variants.push({ width: w, src: variantSrc });
  }
  return { src, width, height: rotated ? height : Math.round(height), bytes: original.length, variants };
}
