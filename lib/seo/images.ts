// Image variants for search engines and social cards. Google asks for a NewsArticle's image in
// 16:9, 4:3 and 1:1, at least 1200 px wide. Our sources are whatever the newsroom uploaded (or the
// demo SVGs), so the crops are made on request by /og/crop/<ratio>/<source path> (sharp), from
// files this site serves, and cached.

export const RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type Ratio = keyof typeof RATIOS;
export const isRatio = (value: string): value is Ratio => Object.hasOwn(RATIOS, value);

/** The width we aim for; Google's minimum for large previews. */
export const TARGET_WIDTH = 1200;

export type SourceImage = { src: string; width: number; height: number; mimeType?: string | null };
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

export function variantPath(ratio: Ratio, src: string): string {
  return `/og/crop/${ratio}${src}`;
}

/** The three crops of an image, largest-first by area as Google lists them. */
export function imageVariants(image: SourceImage): ImageVariant[] {
  if (!canCrop(image.src)) return [];
  return (['1x1', '4x3', '16x9'] as const).map((ratio) => ({ ratio, url: variantPath(ratio, image.src), ...variantSize(ratio, image) }));
}

/** The Open Graph card generated for an article without an image of its own. */
export const OG_CARD = { width: 1200, height: 630 } as const;
export const articleCardPath = (slug: string) => `/og/article/${slug}`;
export const sectionCardPath = (slug: string) => `/og/section/${slug}`;
export const siteCardPath = () => '/og/site';
