import { commentsFeedResponse } from '@/server/seo/feed-responses';

export const dynamic = 'force-dynamic';

/** /feeds/comments/<article slug>.xml: approved comments only. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return commentsFeedResponse(request, (await params).file);
}
