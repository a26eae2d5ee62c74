import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticlePreview } from '@/components/site/article-preview';
import { getPreviewArticleForToken } from '@/db/queries/preview';
import { getSiteSettings, listSections } from '@/db/queries/settings';

// A secret preview link: shows the article to someone without an account until the link expires
// or is revoked, after which it is a plain 404. Never cached or indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const article = await getPreviewArticleForToken((await params).token);
  if (!article) notFound();
  const [settings, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return <ArticlePreview article={article} settings={settings} sections={sections} />;
}
