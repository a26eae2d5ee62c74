import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { countLabel, StaticThread } from '@/components/site/static-comment-thread';
import { decodeThreadCursor, getCommentTarget, getLaterThreadPage, getThreadInfo } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';

// Later pages of a long thread as plain HTML, for readers and crawlers without JavaScript (the
// island loads them in place). Keyset pages: the address names the last comment already seen.

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ articleId: string; cursor: string }> };

export const metadata: Metadata = { title: 'More comments', robots: { index: false, follow: true } };

export default async function MoreCommentsPage({ params }: Props) {
  const { articleId, cursor } = await params;
  const id = Number(articleId);
  if (!/^\d{1,10}$/.test(articleId) || !decodeThreadCursor(cursor)) notFound();
  const [info, target, settings] = await Promise.all([getThreadInfo(id), getCommentTarget(id), getSiteSettings()]);
  if (!info || !target?.path) notFound();
  const page = await getLaterThreadPage(id, cursor);
  return (
    <div className="notice-page comments">
      <p>
        <Link href={`${target.path}#comments`}>Back to “{target.headline}”</Link>
      </p>
      <h1>{countLabel(info.count)}</h1>
      <StaticThread comments={page.comments} maxDepth={info.maxDepth} locale={settings.locale} timeZone={settings.timeZone} />
      {page.next ? (
        <p className="comments__more">
          <Link href={`/comments/${id}/after/${page.next}`}>More comments</Link>
        </p>
      ) : null}
    </div>
  );
}
