import { ICON_FILES, iconPng, type IconFile } from '@/server/seo/brand';

// Static PNGs of the mark for the web app manifest and the publisher logo, made at build time
// from app/icon.svg (no database involved).
export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = () => Object.keys(ICON_FILES).map((file) => ({ file }));

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const spec = ICON_FILES[file as IconFile];
  if (!spec) return new Response('Not found', { status: 404 });
  return iconPng(spec.size, { maskable: spec.maskable });
}
