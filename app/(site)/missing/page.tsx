import type { Metadata } from 'next';
import { NotFoundNotice } from '@/components/site/not-found-notice';
import { getSiteSettings } from '@/db/queries/settings';
import { notFoundMetadata } from '@/server/seo/page-metadata';

// proxy.ts rewrites here, with status 404, the address of a section, author, topic or article
// that does not exist. Rendered per request like /withdrawn: an on-demand page's notFound() is
// left to client-side rendering by Next, and a cached page would keep its cached status.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return notFoundMetadata((await getSiteSettings()).name);
}

export default async function Missing() {
  // Next drops a page's own metadata from a response the proxy gave status 404, so the title is
  // rendered here; React places it in the document's head.
  const { title } = notFoundMetadata((await getSiteSettings()).name);
  return (
    <>
      <title>{String(title)}</title>
      <NotFoundNotice />
    </>
  );
}
