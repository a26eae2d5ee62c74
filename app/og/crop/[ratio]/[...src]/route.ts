import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { logger } from '@/server/log';
import { mediaCropSrc, MediaStoreUnavailableError, readMediaFile, writeMediaFile } from '@/server/media/storage';
import { focalCropRect, type FocalPoint } from '@/lib/media-variants';
import { canCrop, keptCropSrc, parseCropSegment, RATIOS, variantSize, type Ratio } from '@/lib/seo/images';

// /og/crop/<16x9|4x3|1x1>/<path of an image we serve: public/ or an upload>: a JPEG crop of the image at that
// ratio, 1200 px wide when the source allows (vectors are rendered at that size). Search engines
// want these three shapes of an article's image. The answer depends only on the file. A crop of
// an upload is made once and kept in the media store beside its original (every instance then
// serves the same bytes without cropping again); files under public/ ship with the build and are
// cropped per request, which a cache in front absorbs (a day's max-age). Per request rather than
// force-static: a store that is down must answer 503 now and the crop next time, not a cached error.
export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const unavailable = () =>
  new Response('This image is unavailable for a moment. Try again shortly.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' } });
const jpegResponse = (bytes: Buffer) => new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=86400', 'Content-Length': String(bytes.length) } });

/** A file under public/, or null. */
async function publicFile(rel: string): Promise<Buffer | null> {
  const publicDir = path.join(process.cwd(), 'public');
  const file = path.resolve(publicDir, `.${rel}`);
  if (!file.startsWith(publicDir + path.sep)) return null;
  return fs.readFile(file).catch(() => null);
}

async function crop(input: Buffer, ratio: Ratio, rel: string, focal: FocalPoint | null): Promise<Buffer | null> {
  const meta = await sharp(input).metadata().catch(() => null);
  if (!meta?.width || !meta.height) return null;
  const vector = meta.format === 'svg';
  const target = variantSize(ratio, { src: rel, width: meta.width, height: meta.height, mimeType: vector ? 'image/svg+xml' : null });
  // A vector is rasterised at a density at which it covers the target, then cropped: sharp
  // renders an SVG at its own size at 72 dpi.
  const scale = Math.max(1, target.width / meta.width, target.height / meta.height);
  const image = vector ? sharp(input, { density: Math.min(Math.ceil(72 * scale), 2400) }) : sharp(input);
  if (focal && !vector) {
    // The editor's focal point decides the cut: the largest rectangle of the ratio around it.
    const [rw, rh] = RATIOS[ratio];
    const rect = focalCropRect(meta.width, meta.height, rw / rh, focal);
    return image.extract(rect).resize(target.width, target.height, { fit: 'cover', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  }
  return image.resize(target.width, target.height, { fit: 'cover', position: 'attention', withoutEnlargement: !vector }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}

export async function GET(_request: Request, { params }: { params: Promise<{ ratio: string; src: string[] }> }) {
  const params_ = await params;
  const rel = `/${params_.src.map(decodeURIComponent).join('/')}`;
  // "16x9", or "16x9-f30-62.5" with the image's focal point (lib/seo/images.ts variantPath).
  const parsed = parseCropSegment(params_.ratio);
  if (!parsed || !canCrop(rel)) return notFound();
  const { ratio, focal } = parsed;

  if (!rel.startsWith('/media/')) {
    const input = await publicFile(rel);
    const jpeg = input && (await crop(input, ratio, rel, focal));
    return jpeg ? jpegResponse(jpeg) : notFound();
  }

  const cropSrc = mediaCropSrc(rel, ratio) && keptCropSrc(rel, ratio, focal);
  if (!cropSrc) return notFound();
  try {
    const kept = await readMediaFile(cropSrc);
    if (kept) return jpegResponse(kept.bytes);
    const original = await readMediaFile(rel);
    if (!original) return notFound();
    const jpeg = await crop(original.bytes, ratio, rel, focal);
    if (!jpeg) return notFound();
    // Another instance may be keeping the same crop at this moment: same bytes, either one wins.
    await writeMediaFile(cropSrc, jpeg).catch((error) => logger().warn({ err: error, src: cropSrc }, 'crop not kept in the media store; made again next time'));
    return jpegResponse(jpeg);
  } catch (error) {
    if (!(error instanceof MediaStoreUnavailableError)) throw error;
    logger().warn({ err: error, src: rel }, 'media store unavailable: crop answered 503');
    return unavailable();
  }
}
