import { AuthorListing } from '@/components/site/author-listing';
import { AuthorJsonLd } from '@/components/site/structured-data';
import { authorPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, cursor } = await params;
  return authorPageMetadata(slug, cursor);
}

export default async function OlderAuthorPage({ params }: Props) {
  const { slug, cursor } = await params;
  return (
    <>
      <AuthorJsonLd slug={slug} cursor={cursor} />
      <AuthorListing slug={slug} cursor={cursor} />
    </>
  );
}
