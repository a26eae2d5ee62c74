import { AuthorListing, authorMetadata } from '@/components/site/author-listing';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return authorMetadata((await params).slug, '');
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} cursor="" />;
}
