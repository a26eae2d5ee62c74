import { articleFeedResponse } from '@/server/seo/feed-responses';

export const dynamic = 'force-dynamic';

/** /feeds/tag/<slug>.xml */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return articleFeedResponse(request, 'tag', (await params).file);
}
