// Image variants for search engines and social cards. Google asks for a NewsArticle's image in
// 16:9, 4:3 and 1:1, at least 1200 px wide. Our sources are whatever the newsroom uploaded (or the
// demo SVGs), so the crops are made on request by /og/crop/<ratio>/<source path> (sharp), from
// files this site serves, and cached.

export const RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type Ratio = keyof typeof RATIOS;
export const isRatio = (value: string): value is Ratio => Object.hasOwn(RATIOS, value);

/** The width we aim for; Google's minimum for large previews. */
export const TARGET_WIDTH = 1200;

/** focal: the editor's focal point (per cent from the left and top), which every crop keeps in view. */
export type SourceImage = { src: string; width: number; height: number; mimeType?: string | null; focal?: { x: number; y: number } | null };
export type ImageVariant = { ratio: Ratio; url: string; width: number; height: number };

const isVector = (image: SourceImage) => image.mimeType === 'image/svg+xml' || /\.svg$/i.test(image.src);

/**
 * The size of a crop: 1200 px wide, or for a raster source too small for that, the largest crop at
 * that ratio the source holds (never scaled up). Vectors scale freely.
 */
export function variantSize(ratio: Ratio, image: SourceImage): { width: number; height: number } {
  const [rw, rh] = RATIOS[ratio];
  const widest = isVector(image) ? TARGET_WIDTH : Math.min(image.width, Math.floor((image.height * rw) / rh));
  const width = Math.max(1, Math.min(TARGET_WIDTH, widest));
  return { width, height: Math.round((width * rh) / rw) };
}

/** Only site-relative paths to files we serve can be cropped. */
export function canCrop(src: string): boolean {
  return /^\/(?!\/)[A-Za-z0-9._\-/]+\.(svg|png|jpe?g|webp|avif|gif)$/i.test(src) && !src.split('/').includes('..');
}

/**
 * The crop's URL. With a focal point the ratio segment carries it ("16x9-f30-62.5"), so a new
 * focal point is a new URL: nothing cached under the old one (a CDN's copy, the store's kept crop)
 * is ever served for it.
 */
export function variantPath(ratio: Ratio, src: string, focal?: { x: number; y: number } | null): string {
  return `/og/crop/${cropSegment(ratio, focal)}${src}`;
}

export function cropSegment(ratio: Ratio, focal?: { x: number; y: number } | null): string {
  return focal ? `${ratio}-f${focal.x}-${focal.y}` : ratio;
}

/**
 * Where a crop of an upload is kept in the media store: beside its original, named by ratio
 * (server/media/storage.ts mediaCropSrc) and, when it follows a focal point, by that point.
 */
export function keptCropSrc(src: string, ratio: Ratio, focal?: { x: number; y: number } | null): string {
  return `${src}.og-${cropSegment(ratio, focal)}.jpg`;
}

/** The ratio and focal point named by a crop URL's first segment, or null for anything else. */
export function parseCropSegment(segment: string): { ratio: Ratio; focal: { x: number; y: number } | null } | null {
  const m = /^(16x9|4x3|1x1)(?:-f(\d{1,3}(?:\.\d)?)-(\d{1,3}(?:\.\d)?))?$/.exec(segment);
  if (!m || !isRatio(m[1]!)) return null;
  if (m[2] === undefined) return { ratio: m[1]!, focal: null };
  const x = Number(m[2]);
  const y = Number(m[3]);
  return x <= 100 && y <= 100 ? { ratio: m[1]!, focal: { x, y } } : null;
}

/** The three crops of an image, largest-first by area as Google lists them. */
export function imageVariants(image: SourceImage): ImageVariant[] {
  if (!canCrop(image.src)) return [];
  return (['1x1', '4x3', '16x9'] as const).map((ratio) => ({ ratio, url: variantPath(ratio, image.src, isVector(image) ? null : image.focal), ...variantSize(ratio, image) }));
}

/** The Open Graph card generated for an article without an image of its own. */
export const OG_CARD = { width: 1200, height: 630 } as const;
export const articleCardPath = (slug: string) => `/og/article/${slug}`;
export const sectionCardPath = (slug: string) => `/og/section/${slug}`;
export const siteCardPath = () => '/og/site';
