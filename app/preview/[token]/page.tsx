import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticlePreview } from '@/components/site/article-preview';
import { getArticleIdForPreviewToken, getPreviewArticle } from '@/db/queries/preview';
import { getSiteSettings, listSections } from '@/db/queries/settings';

// A secret preview link: shows the article to someone without an account until the link expires
// or is revoked, after which it is a plain 404. Never cached or indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const articleId = await getArticleIdForPreviewToken((await params).token);
  if (!articleId) notFound();
  const [article, settings, sections] = await Promise.all([getPreviewArticle(articleId), getSiteSettings(), listSections()]);
  if (!article) notFound();
  return <ArticlePreview article={article} settings={settings} sections={sections} />;
}
