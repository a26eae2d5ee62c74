import { TagListing } from '@/components/site/tag-listing';
import { TagJsonLd } from '@/components/site/structured-data';
import { tagPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return tagPageMetadata((await params).slug, '');
}

export default async function TagPage({ params }: Props) {
  const { slug } = await params;
  return (
    <>
      <TagJsonLd slug={slug} cursor="" />
      <TagListing slug={slug} cursor="" />
    </>
  );
}
