import type { Metadata } from 'next';
import Link from 'next/link';
import { getSiteSettings } from '@/db/queries/settings';

// proxy.ts rewrites a withdrawn article's addresses here with status 410. Rendered per request:
// a page served from Next's cache keeps the status it was cached with (200), which would hide the
// 410 from crawlers. Withdrawn articles are rare, so this costs nothing that matters. The reason
// comes from the withdrawal itself (article_withdrawals), listed by db/queries/corrections.ts.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return { title: `This article has been withdrawn – ${settings.name}`, description: 'This article is no longer available.', robots: { index: false, follow: true } };
}

export default function WithdrawnArticle() {
  return (
    <div className="prose-page">
      <h1>This article has been withdrawn</h1>
      <p>The article that was published at this address has been withdrawn and is no longer available. Our corrections page lists every story we have withdrawn, with the date and the reason.</p>
      <p>
        <Link href="/corrections">See our corrections</Link> · <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
