import { AuthorListing, authorMetadata } from '@/components/site/author-listing';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, cursor } = await params;
  return authorMetadata(slug, cursor);
}

export default async function OlderAuthorPage({ params }: Props) {
  const { slug, cursor } = await params;
  return <AuthorListing slug={slug} cursor={cursor} />;
}
