import Link from 'next/link';
import type { CardPage } from '@/db/queries/articles';
import { ArticleCard } from './article-card';

/**
 * A newest-first list with a link to the next (older) page and, on an older page (`isOlderPage`),
 * links to the newer page just before it and to the newest. Both keep to the keyset pages (each
 * lists the stories before a cursor): "Newer stories" goes to the page whose "Older stories" link
 * leads here (page.newer, '' for the first page), so paging back and forth shows the same pages at
 * the same URLs.
 */
export function CardList({ page, basePath, locale, timeZone, showSection = true, label, isOlderPage = false }: { page: CardPage; basePath: string; locale: string; timeZone: string; showSection?: boolean; label: string; isOlderPage?: boolean }) {
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
        {isOlderPage ? (
          <Link href={basePath} prefetch={false}>
            Newest stories
          </Link>
        ) : null}
        {isOlderPage && page.newer !== null ? (
          <Link rel="prev" href={page.newer ? `${basePath}/before/${page.newer}` : basePath} prefetch={false}>
            Newer stories
          </Link>
        ) : null}
        {page.next ? (
          <Link rel="next" href={`${basePath}/before/${page.next}`} prefetch={false}>
            Older stories
          </Link>
        ) : (
          <span>You have reached the oldest story.</span>
        )}
      </nav>
    </>
  );
}
