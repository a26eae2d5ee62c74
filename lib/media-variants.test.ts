import { describe, expect, it } from 'vitest';
import { focalCropRect, focalPointSchema, objectPosition, pictureSources } from './media-variants';

describe('what a <picture> lists', () => {
  it('AVIF first, then WebP, then the original format, each with only the widths stored', () => {
    const { sources, fallback } = pictureSources({
      src: '/media/2026/12/a.jpg',
      width: 1200,
      height: 675,
      mimeType: 'image/jpeg',
      variants: [
        { width: 640, src: '/media/2026/12/a-640.webp', type: 'image/webp' },
        { width: 320, src: '/media/2026/12/a-320.avif', type: 'image/avif' },
        { width: 1200, src: '/media/2026/12/a.avif', type: 'image/avif' },
        { width: 320, src: '/media/2026/12/a-320.jpg', type: 'image/jpeg' },
      ],
    });
    expect(sources).toEqual([
      { type: 'image/avif', srcSet: '/media/2026/12/a-320.avif 320w, /media/2026/12/a.avif 1200w' },
      { type: 'image/webp', srcSet: '/media/2026/12/a-640.webp 640w' },
    ]);
    expect(fallback).toEqual({ src: '/media/2026/12/a.jpg', srcSet: '/media/2026/12/a-320.jpg 320w, /media/2026/12/a.jpg 1200w' });
  });

  it('an upload from before AVIF and WebP: its old same-format widths, no <source>', () => {
    const { sources, fallback } = pictureSources({ src: '/media/2025/01/b.png', width: 900, height: 600, variants: [{ width: 320, src: '/media/2025/01/b-320.png' }, { width: 640, src: '/media/2025/01/b-640.png' }] });
    expect(sources).toEqual([]);
    expect(fallback.srcSet).toBe('/media/2025/01/b-320.png 320w, /media/2025/01/b-640.png 640w, /media/2025/01/b.png 900w');
  });

  it('an SVG or an image with no derivatives is a plain image; nothing wider than the original is ever listed', () => {
    expect(pictureSources({ src: '/demo/x.svg', width: 1600, height: 900, mimeType: 'image/svg+xml' })).toEqual({ sources: [], fallback: { src: '/demo/x.svg', srcSet: undefined } });
    const wide = pictureSources({ src: '/media/c.jpg', width: 500, height: 300, variants: [{ width: 640, src: '/media/c-640.webp', type: 'image/webp' }] });
    expect(wide.sources).toEqual([]);
  });
});

describe('the focal point', () => {
  it('accepts per cent from 0 to 100, rounded to a tenth', () => {
    expect(focalPointSchema.parse({ x: '33.333', y: '0' })).toEqual({ x: 33.3, y: 0 });
    expect(objectPosition({ x: 20, y: 75 })).toBe('20% 75%');
    expect(objectPosition(null)).toBeUndefined();
  });

  it('refuses anything else with a message saying what is wanted', () => {
    const issue = (input: unknown) => {
      const r = focalPointSchema.safeParse(input);
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(issue({ x: '120', y: '50' })).toBe('The focal point’s left must be from 0 to 100 (per cent of the width).');
    expect(issue({ x: '50', y: '-1' })).toBe('The focal point’s top must be from 0 to 100 (per cent of the height).');
    expect(issue({ x: 'middle', y: '50' })).toBe('The focal point’s left must be a number from 0 to 100.');
  });

  it('a crop keeps the focal point in view and stays inside the picture', () => {
    // A 16:9 picture cut square: the square slides towards a focal point on the right.
    expect(focalCropRect(1600, 900, 1, { x: 90, y: 50 })).toEqual({ left: 700, top: 0, width: 900, height: 900 });
    expect(focalCropRect(1600, 900, 1, { x: 10, y: 50 })).toEqual({ left: 0, top: 0, width: 900, height: 900 });
    expect(focalCropRect(1600, 900, 1, null)).toEqual({ left: 350, top: 0, width: 900, height: 900 });
    // A square picture cut 16:9: the band follows a focal point near the top.
    expect(focalCropRect(1200, 1200, 16 / 9, { x: 50, y: 20 })).toEqual({ left: 0, top: 0, width: 1200, height: 675 });
    expect(focalCropRect(1200, 1200, 16 / 9, { x: 50, y: 60 })).toEqual({ left: 0, top: 383, width: 1200, height: 675 });
  });
});
