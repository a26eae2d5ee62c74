import { getPublishedArticle } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/settings';
import { ogCard } from '@/server/seo/og-card';
import { isSlug } from '@/lib/urls';

// Generated on first request and cached like a page (ISR); the article's cache tags refresh it
// when the headline or section changes. Never rendered during the build.
export const revalidate = 86400;
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = isSlug(slug) ? await getPublishedArticle(slug) : null;
  if (!article) return new Response('Not found', { status: 404 });
  const settings = await getSiteSettings();
  return ogCard({ kicker: article.sectionName, title: article.headline, siteName: settings.name, footer: article.standfirst });
}
