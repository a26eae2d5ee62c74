import { Listing } from '@/components/site/listing';
import { sectionPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

// Also the page of older stories, before/[cursor]/page.tsx, which passes its cursor.
type Props = { params: Promise<{ section: string; cursor?: string }> };

export async function generateMetadata({ params }: Props) {
  const { section, cursor = '' } = await params;
  return sectionPageMetadata(section, cursor);
}

export default async function SectionPage({ params }: Props) {
  const { section, cursor = '' } = await params;
  return <Listing kind="section" slug={section} cursor={cursor} />;
}
