import { childSitemapResponse } from '@/server/seo/sitemap-responses';

export const dynamic = 'force-dynamic';

/** /sitemaps/<articles|sections|authors|tags>-<page>.xml */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return childSitemapResponse(request, (await params).file);
}
