import Link from 'next/link';
import type { SearchHit } from '@/db/queries/search';
import { Highlighted } from '@/components/ui/highlighted';
import { Timestamp } from './timestamp';

/** One page of search results: headline, section, date and a snippet, matches highlighted. */
export function SearchResults({ hits, locale, timeZone, firstNumber }: { hits: SearchHit[]; locale: string; timeZone: string; firstNumber: number }) {
  return (
    <ol className="search-results" start={firstNumber} aria-label="Search results">
      {hits.map((hit) => (
        <li key={hit.id} className="search-result">
          <article>
            <p className="kicker">{hit.sectionName}</p>
            <h3 className="search-result__headline">
              <Link href={hit.path}>
                <Highlighted segments={hit.headline} />
              </Link>
            </h3>
            {hit.snippet.length ? (
              <p className="search-result__snippet">
                <Highlighted segments={hit.snippet} />
              </p>
            ) : null}
            <p className="card__meta">
              <Timestamp iso={hit.publishedAt} locale={locale} timeZone={timeZone} withTime={false} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

/** Previous and next links that keep the query and filters. */
export function SearchPager({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager search-pager" aria-label="Result pages">
      {page > 1 ? (
        <Link rel="prev" href={hrefFor(page - 1)}>
          Previous page
        </Link>
      ) : null}
      <span className="search-pager__position">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link rel="next" href={hrefFor(page + 1)}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
