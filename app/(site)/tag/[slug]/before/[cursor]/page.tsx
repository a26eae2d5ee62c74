import { TagListing, tagMetadata } from '@/components/site/tag-listing';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, cursor } = await params;
  return tagMetadata(slug, cursor);
}

export default async function OlderTagPage({ params }: Props) {
  const { slug, cursor } = await params;
  return <TagListing slug={slug} cursor={cursor} />;
}
