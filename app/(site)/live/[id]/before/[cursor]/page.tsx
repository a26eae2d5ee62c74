import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/site/article-body';
import { LiveEntry } from '@/components/ui/live-entry';
import { getLiveBlog, listLiveEntries, toView } from '@/db/queries/live-blog';
import { getSiteSettings } from '@/db/queries/settings';
import { decodeEntryCursor, liveOlderPath } from '@/lib/live-blog';
import '@/components/site/live-blog.css';

// A live blog's older entries as plain HTML, for readers without JavaScript and for crawlers:
// keyset pages, each address naming the last entry already seen. The proxy answers 404 for a
// blog that is not live or a page with nothing on it (db/queries/routes.ts).

export const revalidate = 3600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ id: string; cursor: string }> };

export const metadata: Metadata = { title: 'Older updates', robots: { index: false, follow: true } };

export default async function OlderLiveEntriesPage({ params }: Props) {
  const { id, cursor } = await params;
  if (!/^\d{1,10}$/.test(id) || !decodeEntryCursor(cursor)) notFound();
  const articleId = Number(id);
  const [blog, settings] = await Promise.all([getLiveBlog(articleId), getSiteSettings()]);
  if (!blog) notFound();
  const page = await listLiveEntries(articleId, cursor);
  return (
    <div className="live-blog live-blog--older">
      <p>
        <Link href={blog.path}>Back to the latest updates: “{blog.headline}”</Link>
      </p>
      <h1>Older updates</h1>
      {page.entries.length === 0 ? <p>There are no older updates.</p> : null}
      <div className="live-blog__entries">
        {page.entries.map((e) => (
          <LiveEntry key={e.id} entry={toView(e)} body={<ArticleBody body={e.body} />} locale={settings.locale} timeZone={settings.timeZone} />
        ))}
      </div>
      {page.next ? (
        <p className="live-blog__older">
          <Link href={liveOlderPath(articleId, page.next)}>Older updates</Link>
        </p>
      ) : null}
    </div>
  );
}
