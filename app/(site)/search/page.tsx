import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm, type SearchFormValues } from '@/components/site/search-form';
import { SearchPager, SearchResults } from '@/components/site/search-results';
import { listSearchAuthors, searchArticles, type SearchResult } from '@/db/queries/search';
import { getSiteSettings, listSections } from '@/db/queries/settings';
import { normaliseQuery, parseDay, SEARCH_MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from '@/lib/search-query';
import { isSlug } from '@/lib/urls';

// Site search. Rendered on every request (it reads searchParams); never indexed by search engines.
// Everything a person can put in the URL is read defensively: a bad filter is dropped with a note,
// never a 500.

// Results depend on the query string; the layout's reads must not run at build time either.
export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  // searchParams first: reading them is what makes the page dynamic, before any query runs.
  const params = await searchParams;
  const settings = await getSiteSettings();
  const { text } = normaliseQuery(params.q);
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return {
    title: text ? `Search results for “${shown}” – ${settings.name}` : `Search – ${settings.name}`,
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const [settings, sections, authors] = await Promise.all([getSiteSettings(), listSections(), listSearchAuthors()]);
  const notes: string[] = [];

  const sectionSlug = first(params.section).trim();
  const section = sectionSlug ? (isSlug(sectionSlug) ? sections.find((s) => s.slug === sectionSlug) : undefined) : undefined;
  if (sectionSlug && !section) notes.push(`There is no section called “${sectionSlug.slice(0, 60)}”, so every section was searched.`);

  const authorSlug = first(params.author).trim();
  const author = authorSlug ? authors.find((a) => a.slug === authorSlug) : undefined;
  if (authorSlug && !author) notes.push(`No author “${authorSlug.slice(0, 60)}” has published articles, so every author’s work was searched.`);

  const dates: { from: string | null; to: string | null } = { from: null, to: null };
  for (const key of ['from', 'to'] as const) {
    const raw = first(params[key]).trim();
    dates[key] = parseDay(raw);
    if (raw && !dates[key]) notes.push(`“${raw.slice(0, 40)}” is not a date we can read (use the form’s date picker, or year-month-day), so it was left out.`);
  }
  if (dates.from && dates.to && dates.from > dates.to) {
    [dates.from, dates.to] = [dates.to, dates.from];
    notes.push('The start date was after the end date, so we swapped them.');
  }

  const pageParam = first(params.page);
  const page = /^\d{1,4}$/.test(pageParam) ? Math.max(1, Number(pageParam)) : 1;

  const result: SearchResult = await searchArticles({
    q: params.q,
    page,
    sectionId: section?.id ?? null,
    authorId: author?.id ?? null,
    from: dates.from,
    to: dates.to,
    timeZone: settings.timeZone,
  });

  const values: SearchFormValues = { q: result.query, section: section?.slug ?? '', author: author?.slug ?? '', from: dates.from ?? '', to: dates.to ?? '' };
  const hrefFor = (n: number) => {
    const qs = new URLSearchParams();
    qs.set('q', result.query);
    for (const [key, value] of Object.entries({ section: values.section, author: values.author, from: values.from, to: values.to })) if (value) qs.set(key, value);
    if (n > 1) qs.set('page', String(n));
    return `/search?${qs.toString()}`;
  };

  return (
    <div className="search-page">
      <header className="listing__header">
        <h1>Search</h1>
        <p className="listing__description">Every article we have published, newest and most relevant first.</p>
      </header>
      <SearchForm values={values} sections={sections} authors={authors} />

      <section className="search-outcome" aria-labelledby="search-summary">
        {result.trimmed ? (
          <p className="search-note">Your search was very long, so we searched for its first {SEARCH_MAX_QUERY_LENGTH} characters.</p>
        ) : null}
        {notes.map((note) => (
          <p key={note} className="search-note">
            {note}
          </p>
        ))}
        <Summary result={result} />
        {result.mode === 'prefix' && result.hits.length ? (
          <p className="search-note">
            No article contains “{result.query}” exactly, so these are articles with words that begin with what you typed.
          </p>
        ) : null}
        {result.hits.length ? (
          <>
            <SearchResults hits={result.hits} locale={settings.locale} timeZone={settings.timeZone} firstNumber={(result.page - 1) * SEARCH_PAGE_SIZE + 1} />
            <SearchPager page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
          </>
        ) : result.total > 0 ? (
          <p className="empty">
            There are only {result.pageCount} pages of results. <Link href={hrefFor(1)}>Back to the first page</Link>.
          </p>
        ) : null}
      </section>
    </div>
  );
}

function Summary({ result }: { result: SearchResult }) {
  const q = result.query;
  const quoted = `“${q.length > 80 ? `${q.slice(0, 80)}…` : q}”`;
  switch (result.problem) {
    case 'empty':
      return (
        <h2 id="search-summary" className="search-summary">
          Type a word or two to search every published article.
        </h2>
      );
    case 'stopwords':
      return (
        <>
          <h2 id="search-summary" className="search-summary">
            No results for {quoted}
          </h2>
          <p className="search-note">Those words are too common to search for. Try something more specific: a place, a person or a topic.</p>
        </>
      );
    case 'negative-only':
      return (
        <>
          <h2 id="search-summary" className="search-summary">
            No results for {quoted}
          </h2>
          <p className="search-note">Your search only says what to leave out (words after a minus sign). Add a word to look for, for example: budget -council.</p>
        </>
      );
    case 'unreadable':
      return (
        <>
          <h2 id="search-summary" className="search-summary">
            No results for {quoted}
          </h2>
          <p className="search-note">We could not make sense of that search. Try a few plain words.</p>
        </>
      );
    case null:
      break;
  }
  if (result.total === 0) {
    return (
      <>
        <h2 id="search-summary" className="search-summary">
          No results for {quoted}
        </h2>
        <p className="search-note">Check the spelling, try fewer or different words, or remove a filter.</p>
      </>
    );
  }
  const count = result.total.toLocaleString('en-GB');
  return (
    <h2 id="search-summary" className="search-summary">
      {result.totalIsEstimate ? `About ${count} results` : `${count} ${result.total === 1 ? 'result' : 'results'}`} for {quoted}
      {result.pageCount > 1 ? <span className="search-summary__page"> (page {result.page} of {result.pageCount})</span> : null}
    </h2>
  );
}
