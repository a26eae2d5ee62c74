import type { ReactNode } from 'react';
import { dateFormat } from '@/lib/dates';
import { entryAnchor, type LiveEntryView } from '@/lib/live-blog';

// One live-blog entry as readers see it: rendered by the server on the blog's pages and by the
// reader's island for entries that arrive later, so both look the same.

export function entryTime(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function entryDate(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

function names(authors: LiveEntryView['authors']): string {
  const all = authors.map((a) => a.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/**
 * An entry. `body` is the server's own rendering of the entry's document; without it the entry's
 * `html` is shown, which the server rendered from the same document with every text escaped and
 * every link checked (lib/seo/body-html.ts), so nothing typed in the newsroom becomes markup.
 */
export function LiveEntry({ entry, body, locale, timeZone, anchor = true, fresh = false }: { entry: LiveEntryView; body?: ReactNode; locale: string; timeZone: string; anchor?: boolean; fresh?: boolean }) {
  const id = anchor ? entryAnchor(entry.id) : undefined;
  return (
    <article className={`live-entry${entry.keyEvent ? ' live-entry--key' : ''}${fresh ? ' live-entry--fresh' : ''}`} id={id} tabIndex={-1}>
      <header className="live-entry__meta">
        <a className="live-entry__time" href={`#${entryAnchor(entry.id)}`}>
          <time dateTime={entry.postedAt} title={entryDate(entry.postedAt, locale, timeZone)} suppressHydrationWarning>
            {entryTime(entry.postedAt, locale, timeZone)}
          </time>
        </a>
        {entry.keyEvent ? <span className="live-entry__badge">Key event</span> : null}
        {!anchor ? <span className="live-entry__badge live-entry__badge--pinned">Pinned</span> : null}
      </header>
      {entry.title ? <h3 className="live-entry__title">{entry.title}</h3> : null}
      {/* entry.html is bodyToHtml() of the entry's validated document (db/queries/live-blog.ts): every
          text escaped, links limited to the editor's schemes; never markup a person typed. */}
      {body ?? <div className="article-body" dangerouslySetInnerHTML={{ __html: entry.html }} />}
      {entry.correction ? (
        <p className="live-entry__correction" role="note">
          <strong>Correction:</strong> {entry.correction}
        </p>
      ) : null}
      <p className="live-entry__byline">
        {entry.authors.length > 0 ? names(entry.authors) : null}
        {entry.editedAt ? (
          <span className="live-entry__edited">
            {entry.authors.length > 0 ? ' · ' : ''}Edited{' '}
            <time dateTime={entry.editedAt} suppressHydrationWarning>
              {entryTime(entry.editedAt, locale, timeZone)}
            </time>
          </span>
        ) : null}
      </p>
    </article>
  );
}
