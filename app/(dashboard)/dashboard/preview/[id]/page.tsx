import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReadableArticleId } from '@/db/queries/article-access';
import { requireRole } from '@/server/auth/session';

export const metadata = { title: 'Preview' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ width?: string }> };

/** The staff preview at phone or desktop width, framed so the page's own layout responds to it. */
export default async function PreviewFramePage({ params, searchParams }: Props) {
  const me = await requireRole();
  const id = Number((await params).id);
  // An article the person may not read is "not found", exactly like a missing one.
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647 || !(await getReadableArticleId(id, me))) notFound();
  const phone = (await searchParams).width !== 'desktop';
  const width = phone ? 375 : 1280;
  return (
    <div>
      <h1>Preview</h1>
      <nav className="button-row" aria-label="Preview width">
        <Link className="button" aria-current={phone ? 'page' : undefined} href={`/dashboard/preview/${id}?width=phone`}>
          Phone width
        </Link>
        <Link className="button" aria-current={!phone ? 'page' : undefined} href={`/dashboard/preview/${id}?width=desktop`}>
          Desktop width
        </Link>
        <Link href={`/preview/article/${id}`}>Open full page</Link>
        <Link href={`/dashboard/articles/${id}`}>Back to the editor</Link>
      </nav>
      <div style={{ overflowX: 'auto' }}>
        <iframe title={`Article preview at ${width} pixels wide`} src={`/preview/article/${id}`} style={{ width, maxWidth: 'none', height: '80vh', border: '1px solid var(--rule)', background: 'var(--paper)' }} />
      </div>
    </div>
  );
}
