import { sitemapIndexResponse } from '@/server/seo/sitemap-responses';

// The sitemap index. Per request from cached data (db/queries/sitemaps.ts), so the build never
// opens the database and a published or withdrawn article shows here at once.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return sitemapIndexResponse(request);
}
