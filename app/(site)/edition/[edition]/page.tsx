import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/site/article-card';
import { MostRead } from '@/components/site/most-read';
import { BreakingStrip } from '@/components/site/breaking-strip';
import { getFrontPage } from '@/db/queries/front-page';
import { cacheSecondsBefore } from '@/lib/front-layout';
import { keepPageAtMost } from '@/server/http/page-lifetime';
import { getSiteSettings } from '@/db/queries/settings';
import { FrontPageJsonLd } from '@/components/site/structured-data';
import { frontPageMetadata } from '@/server/seo/page-metadata';
import { sectionPath } from '@/lib/urls';

// "/" is rewritten here (next.config.ts) so the build never renders it: it is rendered on the
// first visit, cached, and refreshed when an article or the layout changes or after five minutes;
// sooner when a pin or the breaking-news strip ends before then (keepPageAtMost).
export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ edition: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return frontPageMetadata();
}

export default async function FrontPage({ params }: Props) {
  if ((await params).edition !== 'front') notFound();
  const [settings, front] = await Promise.all([getSiteSettings(), getFrontPage()]);
  const { locale, timeZone } = settings;
  const now = new Date();
  await keepPageAtMost(cacheSecondsBefore(front.nextChangeAt ? new Date(front.nextChangeAt) : null, now, revalidate));
  return (
    <div className="front">
      <FrontPageJsonLd />
      <h1 className="visually-hidden">{settings.name}: the front page</h1>
      {front.breaking ? <BreakingStrip strip={front.breaking} /> : null}
      {front.lead ? (
        <section className="front__lead" aria-label="Lead story">
          <ArticleCard card={front.lead} locale={locale} timeZone={timeZone} variant="lead" headingLevel={2} />
        </section>
      ) : (
        <p className="empty">No stories have been published yet.</p>
      )}
      <div className="front__columns">
        <div className="front__sections">
          {front.sections.map((section) => (
            <section key={section.slug} className="front-section" aria-labelledby={`front-${section.slug}`}>
              <h2 id={`front-${section.slug}`} className="front-section__title">
                <Link href={sectionPath(section.slug)}>{section.name}</Link>
              </h2>
              <div className="front-section__grid">
                {section.stories.map((card, i) => (
                  <ArticleCard key={card.id} card={card} locale={locale} timeZone={timeZone} variant={i === 0 ? 'standard' : 'compact'} showSection={false} />
                ))}
              </div>
            </section>
          ))}
        </div>
        <div className="front__aside">
          <section className="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading">Latest news</h2>
            <ol>
              {front.latest.map((card) => (
                <li key={card.id}>
                  <ArticleCard card={card} locale={locale} timeZone={timeZone} variant="compact" />
                </li>
              ))}
            </ol>
          </section>
          <MostRead />
        </div>
      </div>
    </div>
  );
}
