import { objectPosition, pictureSources, type PictureImage } from '@/lib/media-variants';

/** How wide each place shows its picture, for `sizes` (the CSS in app/globals.css). */
export const PICTURE_SIZES = {
  /** The article's lead and the figures in its body: the 42rem column, less the page's padding on a phone. */
  article: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  /** The front page's lead card: 3fr of 3fr 2fr inside the 3fr main column from 64rem. */
  lead: '(min-width: 75rem) 32rem, (min-width: 64rem) 44vw, (min-width: 48rem) 58vw, calc(100vw - 2rem)',
  /** Other cards: a column of a section grid or a third of a listing row. */
  card: '(min-width: 75rem) 24rem, (min-width: 40rem) 50vw, calc(100vw - 2rem)',
} as const;

type Props = {
  image: PictureImage;
  alt: string;
  sizes: string;
  className?: string;
  /**
   * 'priority' for the article page's lead picture only (eager, fetchpriority=high); 'eager' for
   * a picture at the top of a page that is not its main one; 'lazy' (the default) for the rest.
   */
  load?: 'priority' | 'eager' | 'lazy';
};

/**
 * Every reader image: a <picture> with AVIF and WebP <source>s and the original format as the
 * <img>, each listing only the derivatives stored for this image (an old upload without them gets
 * a plain <img>), with width and height so the page does not move as it loads, and the focal
 * point as object-position for the places that crop (cards). A server component: no JavaScript.
 * Why not next/image: docs/decisions/2026-12-01-responsive-images.md.
 */
export function Picture({ image, alt, sizes, className, load = 'lazy' }: Props) {
  const { sources, fallback } = pictureSources(image);
  const position = objectPosition(image.focal);
  const img = (
    <img
      className={className}
      src={fallback.src}
      srcSet={fallback.srcSet}
      sizes={fallback.srcSet ? sizes : undefined}
      alt={alt}
      width={image.width}
      height={image.height}
      decoding="async"
      loading={load === 'lazy' ? 'lazy' : 'eager'}
      fetchPriority={load === 'priority' ? 'high' : undefined}
      style={position ? { objectPosition: position } : undefined}
    />
  );
  if (sources.length === 0) return img;
  return (
    <picture>
      {sources.map((s) => (
        <source key={s.type} type={s.type} srcSet={s.srcSet} sizes={sizes} />
      ))}
      {img}
    </picture>
  );
}
