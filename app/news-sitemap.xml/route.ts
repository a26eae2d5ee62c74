import { newsSitemapResponse } from '@/server/seo/sitemap-responses';

// Google News: articles first published in the last 48 hours, at most 1,000.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return newsSitemapResponse(request);
}
