import type { Metadata, Viewport } from 'next';
import { unstable_rethrow } from 'next/navigation';
import type { ReactNode } from 'react';
import { getSiteSettings } from '@/db/queries/settings';
import { siteUrl } from '@/server/seo/site-url';
import './globals.css';

export const metadata: Metadata = {
  // The same origin as every absolute URL we publish (SITE_URL, else the port we listen on).
  metadataBase: new URL(siteUrl()),
  // Closed by default: the dashboard, sign-in, search and error pages stay out of search engines,
  // and each reader page opens itself with its own metadata (server/seo/page-metadata.ts).
  robots: { index: false, follow: true },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#15171a' },
  ],
};

// Said when the settings cannot be read: the global 404 and the "unavailable" page must still be
// served while the database is down, and every locale the paper can have is a kind of English.
const FALLBACK_LANG = 'en';

/**
 * The document's language is the publication's locale (en-GB), so screen readers pronounce and
 * browsers hyphenate and spell-check as the paper writes. Read here, on the <html> element itself,
 * because a `lang` on an inner element leaves the document's own language wrong. The read is the
 * cached site frame every reader page already uses; during `next build` it marks a page as
 * rendered per request (db/cache.ts), which `unstable_rethrow` lets through.
 */
async function documentLang(): Promise<string> {
  try {
    return (await getSiteSettings()).locale || FALLBACK_LANG;
  } catch (error) {
    unstable_rethrow(error);
    return FALLBACK_LANG;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await documentLang()}>
      <body>{children}</body>
    </html>
  );
}
