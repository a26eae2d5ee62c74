import { describe, expect, it } from 'vitest';
import { checkCrop, cropPixels, displayedImage, fitAspect, focalInCrop } from './media-crop';

// The crop's rules and sums: what an editor may type, how the fractions map back to the same
// pixels at any size, and what a reader page is then shown.

const f = (left: number, top: number, width: number, height: number) => ({ left: String(left), top: String(top), width: String(width), height: String(height) });

describe('checking a crop typed in pixels', () => {
  it('accepts a rectangle inside the picture and keeps it as fractions that give the same pixels back', () => {
    const r = checkCrop(1800, 1200, f(300, 150, 1200, 675));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.crop).toEqual({ x: 300 / 1800, y: 150 / 1200, w: 1200 / 1800, h: 675 / 1200 });
    expect(cropPixels(1800, 1200, r.crop!)).toEqual({ left: 300, top: 150, width: 1200, height: 675 });
  });

  it('treats the whole picture as no crop', () => {
    expect(checkCrop(800, 600, f(0, 0, 800, 600))).toEqual({ ok: true, pixels: { left: 0, top: 0, width: 800, height: 600 }, crop: null });
  });

  it('refuses a rectangle past an edge, naming the field', () => {
    expect(checkCrop(1000, 800, f(500, 0, 600, 400))).toMatchObject({ ok: false, field: 'width', error: expect.stringMatching(/past the right edge/) });
    expect(checkCrop(1000, 800, f(0, 700, 400, 300))).toMatchObject({ ok: false, field: 'height', error: expect.stringMatching(/past the bottom edge/) });
    expect(checkCrop(1000, 800, f(1000, 0, 300, 300))).toMatchObject({ ok: false, field: 'left' });
  });

  it('refuses a result under 200 px on its short side', () => {
    expect(checkCrop(1000, 800, f(0, 0, 600, 199))).toMatchObject({ ok: false, field: 'height', error: 'The crop must be at least 200 px high.' });
    expect(checkCrop(1000, 800, f(0, 0, 150, 400))).toMatchObject({ ok: false, field: 'width', error: 'The crop must be at least 200 px wide.' });
    expect(checkCrop(1000, 800, f(0, 0, 200, 200)).ok).toBe(true);
  });

  it('refuses what is not a whole number of pixels, 0 or more', () => {
    for (const bad of [{ ...f(0, 0, 300, 300), left: '-1' }, { ...f(0, 0, 300, 300), top: 'ten' }, { ...f(0, 0, 300, 300), width: '300.5' }, { ...f(0, 0, 300, 300), height: '' }]) {
      expect(checkCrop(1000, 800, bad)).toMatchObject({ ok: false, error: expect.stringMatching(/whole number of pixels/) });
    }
  });
});

describe('what readers are shown', () => {
  const row = { src: '/media/2026/12/a.jpg', width: 2000, height: 1000, mimeType: 'image/jpeg', variants: [], focal: { x: 75, y: 50 } };

  it('is the original without a crop, and the cropped file at the crop’s size with one', () => {
    expect(displayedImage(row)).toMatchObject({ src: row.src, width: 2000, height: 1000, focal: { x: 75, y: 50 } });
    const crop = { x: 0.5, y: 0, w: 0.5, h: 1 };
    expect(displayedImage({ ...row, crop, cropSrc: '/media/2026/12/a-cabcdefgh.jpg' })).toMatchObject({ src: '/media/2026/12/a-cabcdefgh.jpg', width: 1000, height: 1000, focal: { x: 50, y: 50 } });
  });

  it('moves the focal point into the crop, pushed inside it when it lies outside', () => {
    expect(focalInCrop({ x: 10, y: 50 }, 2000, 1000, { x: 0.5, y: 0, w: 0.5, h: 1 })).toEqual({ x: 0, y: 50 });
    expect(focalInCrop(null, 2000, 1000, { x: 0.5, y: 0, w: 0.5, h: 1 })).toBeNull();
  });

  it('fits a preset shape inside the picture around the rectangle’s centre', () => {
    expect(fitAspect({ left: 0, top: 0, width: 1800, height: 1200 }, 16 / 9, 1800, 1200)).toEqual({ left: 0, top: 94, width: 1800, height: 1013 });
    expect(fitAspect({ left: 0, top: 0, width: 1800, height: 1200 }, 1, 1800, 1200)).toEqual({ left: 300, top: 0, width: 1200, height: 1200 });
  });
});
