import { SectionListing, sectionMetadata } from '@/components/site/section-listing';

export const revalidate = 600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props) {
  return sectionMetadata((await params).section, '');
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).section} cursor="" />;
}
