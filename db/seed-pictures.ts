// The demo's pictures as a paper's would be: raster photographs-to-be, stored through the same
// upload pipeline as an editor's upload (server/media/image-processing.ts: re-encoded, AVIF, WebP
// and JPEG derivatives, none larger than its original). They are rendered at seed time from the
// illustrations made for the project (public/demo/<name>.svg), so nothing binary is committed.
// SVG stays for the logo and icons.
//
// The one import from server/ in db/: the seed is where the demo is put together, and the demo's
// pictures must take the editor's path (allowed by name in .dependency-cruiser.cjs).
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ArticleBody, Block } from '../lib/article-body';
import { processUpload, type ProcessedImage } from '../server/media/image-processing';
import { IMAGES, imageSrc, type ImageName } from './seed-content';

/**
 * Width of the rendered pictures. 1200 px covers the article column (42rem) at two device pixels
 * per CSS pixel and Google's 1200 px for large previews, and keeps the seed quick: each picture
 * becomes about eleven files.
 */
export const DEMO_PICTURE_WIDTH = 1200;
/** Pictures processed at once: two keep both cores busy (sharp runs each encode on a thread). */
const PARALLEL = 2;

export type DemoPicture = ProcessedImage & { mimeType: 'image/jpeg' };

async function render(name: ImageName): Promise<Buffer> {
  const svg = await fs.readFile(path.join(process.cwd(), 'public', 'demo', `${name}.svg`));
  const image = IMAGES.find((i) => i.name === name)!;
  // sharp draws an SVG at 72 dpi: the density that makes it DEMO_PICTURE_WIDTH wide, drawn
  // rather than scaled up.
  const density = (72 * DEMO_PICTURE_WIDTH) / image.width;
  // A camera's JPEG (quality 92, as a phone saves one): the pipeline re-encodes it as any upload.
  return sharp(svg, { density }).resize({ width: DEMO_PICTURE_WIDTH }).flatten({ background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer();
}

/** Every demo picture, rendered and stored as an upload; keyed by name. */
export async function uploadDemoPictures(now: Date): Promise<Map<ImageName, DemoPicture>> {
  const out = new Map<ImageName, DemoPicture>();
  const queue = IMAGES.map((i) => i.name as ImageName);
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const processed = await processUpload(await render(name), { mime: 'image/jpeg', ext: 'jpg' }, now);
        out.set(name, { ...processed, mimeType: 'image/jpeg' });
      }
    }),
  );
  return out;
}

/** A body with each demo illustration's figure pointing at its stored picture (src, size). */
export function withDemoPictures(body: ArticleBody, pictures: Map<ImageName, DemoPicture>): ArticleBody {
  const bySrc = new Map([...pictures].map(([name, picture]) => [imageSrc(name), picture]));
  const swap = (block: Block): Block => {
    if (block.type !== 'image') return block;
    const picture = bySrc.get(block.attrs.src);
    return picture ? { ...block, attrs: { ...block.attrs, src: picture.src, width: picture.width, height: picture.height } } : block;
  };
  return { ...body, content: body.content.map(swap) };
}
