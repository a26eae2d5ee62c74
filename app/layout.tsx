import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { siteUrl } from '@/server/seo/site-url';
import './globals.css';

// The root layout reads nothing from the database, so the few static pages (the global 404 and
// the "unavailable" page) can be built and served without it.
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
