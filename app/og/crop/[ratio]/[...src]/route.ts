import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { mediaFilePath } from '@/server/media/storage';
import { canCrop, isRatio, variantSize } from '@/lib/seo/images';

// /og/crop/<16x9|4x3|1x1>/<path of an image we serve: public/ or an upload>: a JPEG crop of the image at that
// ratio, 1200 px wide when the source allows (vectors are rendered at that size). Search engines
// want these three shapes of an article's image. The answer depends only on the file, so it is
// generated on first request and cached like a static page (no database, nothing at build time).
export const dynamic = 'force-static';
export const generateStaticParams = async () => [];

/** The file behind a site path: an upload under MEDIA_DIR (/media/...) or a file under public/. */
function sourceFile(rel: string): string | null {
  if (rel.startsWith('/media/')) return mediaFilePath(rel);
  const publicDir = path.join(process.cwd(), 'public');
  const file = path.resolve(publicDir, `.${rel}`);
  return file.startsWith(publicDir + path.sep) ? file : null;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ ratio: string; src: string[] }> }) {
  const { ratio, src } = await params;
  const rel = `/${src.map(decodeURIComponent).join('/')}`;
  if (!isRatio(ratio) || !canCrop(rel)) return notFound();
  const file = sourceFile(rel);
  if (!file) return notFound();
  const input = await fs.readFile(file).catch(() => null);
  if (!input) return notFound();

  const meta = await sharp(input).metadata();
  if (!meta.width || !meta.height) return notFound();
  const vector = meta.format === 'svg';
  const target = variantSize(ratio, { src: rel, width: meta.width, height: meta.height, mimeType: vector ? 'image/svg+xml' : null });
  // A vector is rasterised at a density at which it covers the target, then cropped: sharp
  // renders an SVG at its own size at 72 dpi.
  const scale = Math.max(1, target.width / meta.width, target.height / meta.height);
  const image = vector ? sharp(input, { density: Math.min(Math.ceil(72 * scale), 2400) }) : sharp(input);
  const jpeg = await image.resize(target.width, target.height, { fit: 'cover', position: 'attention', withoutEnlargement: !vector }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  return new Response(new Uint8Array(jpeg), {
    headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=86400', 'Content-Length': String(jpeg.length) },
  });
}
