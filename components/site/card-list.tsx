import Link from 'next/link';
import type { CardPage } from '@/db/queries/articles';
import { ArticleCard } from './article-card';

/**
 * A newest-first list with a link to the next (older) page and, on an older page (`isOlderPage`),
 * one back to the newest. The way back goes to the first page, not the page just before: the
 * pages are keyset pages (each starts after a story), so the previous page's start would need a
 * second query for the newer neighbours, and a reader who has gone back in the archive mostly
 * wants today's stories; the link says "Newest" because that is where it goes.
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
