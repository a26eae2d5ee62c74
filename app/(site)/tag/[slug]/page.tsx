import { Listing } from '@/components/site/listing';
import { tagPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

// Also the page of older stories, before/[cursor]/page.tsx, which passes its cursor.
type Props = { params: Promise<{ slug: string; cursor?: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, cursor = '' } = await params;
  return tagPageMetadata(slug, cursor);
}

export default async function TopicPage({ params }: Props) {
  const { slug, cursor = '' } = await params;
  return <Listing kind="topic" slug={slug} cursor={cursor} />;
}
