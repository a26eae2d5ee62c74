import { getSiteSettings } from '@/db/queries/settings';
import { ogCard } from '@/server/seo/og-card';

// The card for the front page and pages without one of their own. Per request (the site's name
// lives in the database, which the build must not open), rendered once per name and tagline.
export const dynamic = 'force-dynamic';

let last: { key: string; png: ArrayBuffer } | null = null;

export async function GET() {
  const settings = await getSiteSettings();
  const key = JSON.stringify([settings.name, settings.tagline, settings.description]);
  if (!last || last.key !== key) {
    const png = await ogCard({ kicker: settings.tagline || 'News', title: settings.name, siteName: settings.name, footer: settings.description }).arrayBuffer();
    last = { key, png };
  }
  return new Response(last.png, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' } });
}
