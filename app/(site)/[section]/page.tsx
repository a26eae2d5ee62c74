import { SectionListing } from '@/components/site/section-listing';
import { SectionJsonLd } from '@/components/site/structured-data';
import { sectionPageMetadata } from '@/server/seo/page-metadata';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props) {
  return sectionPageMetadata((await params).section, '');
}

export default async function SectionPage({ params }: Props) {
  const { section } = await params;
  return (
    <>
      <SectionJsonLd slug={section} cursor="" />
      <SectionListing slug={section} cursor="" />
    </>
  );
}
