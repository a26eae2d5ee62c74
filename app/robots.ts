import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/server/seo/site-url';

// Read at request time so SITE_URL is the running server's, not the build machine's.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        // The newsroom, the API, draft previews and search results are not for search engines.
        disallow: ['/dashboard', '/api/', '/preview', '/search'],
      },
    ],
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl('/news-sitemap.xml')],
  };
}
