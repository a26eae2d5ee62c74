import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';

// The publication's mark is drawn once, in app/icon.svg (the favicon); the PNG sizes that
// manifests, Apple devices and the publisher logo need are rendered from that file by next/og.

let svgDataUrl: string | null = null;
function iconSvg(): string {
  svgDataUrl ??= `data:image/svg+xml;base64,${fs.readFileSync(path.join(process.cwd(), 'app', 'icon.svg')).toString('base64')}`;
  return svgDataUrl;
}

/** The mark as a PNG of `size` px; `maskable` adds the safe-zone padding Android's masks need. */
export function iconPng(size: number, { maskable = false } = {}): ImageResponse {
  const inner = maskable ? Math.round(size * 0.72) : size;
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: maskable ? '#15171a' : 'transparent' }}>
        <img src={iconSvg()} width={inner} height={inner} alt="" />
      </div>
    ),
    { width: size, height: size, headers: { 'Cache-Control': 'public, max-age=86400' } },
  );
}

export const ICON_FILES = {
  'icon-192.png': { size: 192, maskable: false },
  'icon-512.png': { size: 512, maskable: false },
  'maskable-512.png': { size: 512, maskable: true },
} as const;
export type IconFile = keyof typeof ICON_FILES;
