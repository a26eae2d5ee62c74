import { articleFeedResponse } from '@/server/seo/feed-responses';

// Rendered per request from cached data (tags in db/queries/feeds.ts), so the build never opens
// the database and a change shows at once; conditional requests get a 304.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return articleFeedResponse(request, 'site');
}
