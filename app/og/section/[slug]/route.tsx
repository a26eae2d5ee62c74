import { getSection, getSiteSettings } from '@/db/queries/settings';
import { ogCard } from '@/server/seo/og-card';
import { isSlug } from '@/lib/urls';

export const revalidate = 86400;
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [settings, section] = await Promise.all([getSiteSettings(), isSlug(slug) ? getSection(slug) : null]);
  if (!section) return new Response('Not found', { status: 404 });
  return ogCard({ kicker: 'Section', title: section.name, siteName: settings.name, footer: section.description });
}
