import { AuthorListing } from '@/components/site/author-listing';
import { AuthorJsonLd } from '@/components/site/structured-data';
import { authorPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return authorPageMetadata((await params).slug, '');
}

export default async function AuthorPage({ params }: Props) {
  const { slug } = await params;
  return (
    <>
      <AuthorJsonLd slug={slug} cursor="" />
      <AuthorListing slug={slug} cursor="" />
    </>
  );
}
