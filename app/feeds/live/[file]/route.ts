import { liveFeedResponse } from '@/server/seo/live-feed';

export const dynamic = 'force-dynamic';

/** /feeds/live/<article slug>.xml: a live blog's newest entries. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return liveFeedResponse(request, (await params).file);
}
