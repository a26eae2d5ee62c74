import { TagListing, tagMetadata } from '@/components/site/tag-listing';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return tagMetadata((await params).slug, '');
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).slug} cursor="" />;
}
