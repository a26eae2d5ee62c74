import type { SectionLink } from '@/db/queries/settings';
import type { SearchAuthor } from '@/db/queries/search';

export type SearchFormValues = { q: string; section: string; author: string; from: string; to: string };

/**
 * The search page's form: the query and its filters, sent with GET so that results have a URL
 * and everything works without JavaScript.
 */
export function SearchForm({ values, sections, authors }: { values: SearchFormValues; sections: SectionLink[]; authors: SearchAuthor[] }) {
  return (
    <form className="search-form" role="search" action="/search" method="get" aria-label="Search articles">
      <div className="search-form__query">
        <label htmlFor="search-q">Search for</label>
        <div className="search-form__row">
          <input id="search-q" type="search" name="q" defaultValue={values.q} autoComplete="off" enterKeyHint="search" aria-describedby="search-tips" />
          <button type="submit">Search</button>
        </div>
        <p id="search-tips" className="search-form__tips">
          Use quotes for an exact phrase (<kbd>&quot;sea wall&quot;</kbd>), <kbd>OR</kbd> for either word, and a minus sign to leave a word out (<kbd>-council</kbd>).
        </p>
      </div>
      {/* Closed unless a filter is in use, so that on a phone the results come first; <details> needs no script. */}
      <details className="search-form__more" open={Boolean(values.section || values.author || values.from || values.to)}>
        <summary>Filters: section, author, dates</summary>
        <fieldset className="search-form__filters">
          <legend className="visually-hidden">Narrow the results</legend>
          <div className="search-form__field">
            <label htmlFor="search-section">Section</label>
            <select id="search-section" name="section" defaultValue={values.section}>
              <option value="">All sections</option>
              {sections.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="search-form__field">
            <label htmlFor="search-author">Author</label>
            <select id="search-author" name="author" defaultValue={values.author}>
              <option value="">Any author</option>
              {authors.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="search-form__field">
            <label htmlFor="search-from">Published from</label>
            <input id="search-from" type="date" name="from" defaultValue={values.from} />
          </div>
          <div className="search-form__field">
            <label htmlFor="search-to">Published until</label>
            <input id="search-to" type="date" name="to" defaultValue={values.to} />
          </div>
        </fieldset>
        <button type="submit" className="search-form__apply">
          Apply filters
        </button>
      </details>
    </form>
  );
}
