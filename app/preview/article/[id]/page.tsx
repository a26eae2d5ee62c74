import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticlePreview } from '@/components/site/article-preview';
import { getPreviewArticle } from '@/db/queries/preview';
import { getSiteSettings, listSections } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';

// Staff preview of an article, exactly as the reader page renders it: signed-in staff, and only an
// article they may read (articleReadScope); any other id is a plain 404, as for a missing one.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

export default async function StaffPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) notFound();
  const [article, settings, sections] = await Promise.all([getPreviewArticle(id, me), getSiteSettings(), listSections()]);
  if (!article) notFound();
  return <ArticlePreview article={article} settings={settings} sections={sections} />;
}
