import { TagListing } from '@/components/site/tag-listing';
import { TagJsonLd } from '@/components/site/structured-data';
import { tagPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, cursor } = await params;
  return tagPageMetadata(slug, cursor);
}

export default async function OlderTagPage({ params }: Props) {
  const { slug, cursor } = await params;
  return (
    <>
      <TagJsonLd slug={slug} cursor={cursor} />
      <TagListing slug={slug} cursor={cursor} />
    </>
  );
}
