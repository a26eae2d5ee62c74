import Link from 'next/link';
import type { CardPage } from '@/db/queries/articles';
import { ArticleCard } from './article-card';

/** A newest-first list with a link to the next (older) page. */
export function CardList({ page, basePath, locale, timeZone, showSection = true, label }: { page: CardPage; basePath: string; locale: string; timeZone: string; showSection?: boolean; label: string }) {
  if (page.items.length === 0) return <p className="empty">No stories here yet.</p>;
  return (
    <>
      <ol className="card-list" aria-label={label}>
        {page.items.map((card) => (
          <li key={card.id}>
            <ArticleCard card={card} locale={locale} timeZone={timeZone} showSection={showSection} headingLevel={2} />
          </li>
        ))}
      </ol>
      <nav className="pager" aria-label="Pages">
        {page.next ? (
          <Link rel="next" href={`${basePath}/before/${page.next}`}>
            Older stories
          </Link>
        ) : (
          <span>You have reached the oldest story.</span>
        )}
      </nav>
    </>
  );
}
