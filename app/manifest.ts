import type { MetadataRoute } from 'next';
import { getSiteSettings } from '@/db/queries/settings';

// The publication's name comes from its settings, so this is answered at request time (from the
// cached settings), never during the build.
export const dynamic = 'force-dynamic';

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const settings = await getSiteSettings();
  return {
    name: settings.name,
    short_name: settings.name.length <= 12 ? settings.name : settings.name.slice(0, 12).trim(),
    description: settings.description || settings.tagline || undefined,
    lang: settings.locale,
    start_url: '/',
    scope: '/',
    display: 'browser',
    background_color: '#fbfaf7',
    theme_color: '#15171a',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
