import { SectionListing } from '@/components/site/section-listing';
import { SectionJsonLd } from '@/components/site/structured-data';
import { sectionPageMetadata } from '@/server/seo/page-metadata';

// Keyset pages: "/world/before/<cursor>" always lists the same stories, however many are
// published after it, so a reader paging back never sees a story twice or misses one.
export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ section: string; cursor: string }> };

export async function generateMetadata({ params }: Props) {
  const { section, cursor } = await params;
  return sectionPageMetadata(section, cursor);
}

export default async function OlderSectionPage({ params }: Props) {
  const { section, cursor } = await params;
  return (
    <>
      <SectionJsonLd slug={section} cursor={cursor} />
      <SectionListing slug={section} cursor={cursor} />
    </>
  );
}
