import type { ArticleCard as Card } from '@/db/queries/articles';
import { ArticleCard } from './article-card';
import './front-layout.css';

/**
 * The top of a section's first page: its lead story large, then the next few as a secondary row
 * (the editors' pins in order, then the newest). The list of the rest follows it.
 */
export function SectionTop({ stories, sectionName, locale, timeZone }: { stories: Card[]; sectionName: string; locale: string; timeZone: string }) {
  const [lead, ...rest] = stories;
  if (!lead) return null;
  return (
    <section className="section-top" aria-label={`Top stories in ${sectionName}`}>
      <ol className="section-top__list">
        <li className="section-top__lead">
          <ArticleCard card={lead} locale={locale} timeZone={timeZone} variant="lead" showSection={false} headingLevel={2} />
        </li>
        {rest.map((card) => (
          <li key={card.id}>
            <ArticleCard card={card} locale={locale} timeZone={timeZone} variant="standard" showSection={false} headingLevel={2} />
          </li>
        ))}
      </ol>
    </section>
  );
}
