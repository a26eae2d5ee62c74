import Link from 'next/link';
import { STATUS_LABELS, formatWhen } from '@/lib/newsroom-format';
import { Highlighted } from '@/components/ui/highlighted';
import { ARTICLE_SORTS, listDashboardArticles, listSectionOptions, type ArticleSort } from '@/db/queries/dashboard-articles';
import { getSiteSettings } from '@/db/queries/settings';
import { listBylineStaff } from '@/db/queries/staff';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/domain';
import { requireRole } from '@/server/auth/session';

export const metadata = { title: 'Articles' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<ArticleSort, string> = { modified: 'Last changed', published: 'Publication time', headline: 'Headline', created: 'Created' };

export default async function ArticlesPage({ searchParams }: Props) {
  const me = await requireRole();
  const raw = await searchParams;
  const one = (k: string) => {
    const v = raw[k];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const status = (ARTICLE_STATUSES as readonly string[]).includes(one('status')) ? (one('status') as ArticleStatus) : undefined;
  const sectionId = Number(one('section')) || undefined;
  const authorId = one('author') === 'me' ? me.id : Number(one('author')) || undefined;
  const sort = (ARTICLE_SORTS as readonly string[]).includes(one('sort')) ? (one('sort') as ArticleSort) : 'modified';
  const direction = one('dir') === 'asc' ? 'asc' : 'desc';
  const q = one('q').slice(0, 200);
  const page = Math.max(1, Math.floor(Number(one('page')) || 1));

  const [list, sections, people, settings] = await Promise.all([
    listDashboardArticles({ status, sectionId, authorId, q, sort, direction, page }, me),
    listSectionOptions(),
    listBylineStaff(),
    getSiteSettings(),
  ]);
  const pageLink = (n: number) => {
    const p = new URLSearchParams();
    for (const k of ['status', 'section', 'author', 'q', 'sort', 'dir']) if (one(k)) p.set(k, one(k));
    p.set('page', String(n));
    return `/dashboard/articles?${p}`;
  };

  return (
    <div>
      <div className="button-row">
        <h1 style={{ marginRight: 'auto' }}>Articles</h1>
        <Link className="button button--primary" href="/dashboard/articles/new">
          New article
        </Link>
      </div>
      <form className="filters" method="get" role="search" aria-label="Filter articles">
        <label>
          Search articles
          <input type="search" name="q" defaultValue={q} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={status ?? ''}>
            <option value="">Any status</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Section
          <select name="section" defaultValue={sectionId ?? ''}>
            <option value="">Any section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select name="author" defaultValue={one('author')}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={sort}>
            {ARTICLE_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select name="dir" defaultValue={direction}>
            <option value="desc">Newest / Z first</option>
            <option value="asc">Oldest / A first</option>
          </select>
        </label>
        <button className="button" type="submit">
          Apply
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {list.totalIsEstimate ? 'About ' : ''}
        {list.total === 1 ? '1 article' : `${list.total.toLocaleString(settings.locale)} articles`}
        {list.pages > 1 ? `, page ${list.page} of ${list.pages}` : ''}
        {list.matchedBy === 'words' ? ', most relevant first' : ''}
        {list.matchedBy === 'headline' ? (list.total ? ` with a headline starting “${q}” (no article contains those words)` : `: none contains those words or has a headline starting “${q}”`) : ''}
      </p>
      <div className="table-wrap">
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Byline</th>
              <th scope="col">Changed</th>
              <th scope="col">Publication</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/dashboard/articles/${a.id}`}>{a.headlineMarked ? <Highlighted segments={a.headlineMarked} /> : a.headline}</Link>
                  {a.snippet?.length ? (
                    <p className="muted search-snippet">
                      <Highlighted segments={a.snippet} />
                    </p>
                  ) : null}
                  {a.editing.length ? <p className="presence">Being edited by {a.editing.join(', ')}</p> : null}
                </td>
                <td data-label="Status">
                  <span className={`badge badge--${a.status}`}>{STATUS_LABELS[a.status]}</span>
                </td>
                <td data-label="Section">{a.sectionName ?? '—'}</td>
                <td data-label="Byline">{a.authors.length ? a.authors.join(', ') : (a.bylineText ?? '—')}</td>
                <td data-label="Changed">{formatWhen(a.modifiedAt, settings.timeZone, settings.locale)}</td>
                <td data-label="Publication">{formatWhen(a.publishedAt, settings.timeZone, settings.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.items.length === 0 ? <p>No articles match these filters.</p> : null}
      <nav className="pager" aria-label="Pages">
        {list.page > 1 ? <Link href={pageLink(list.page - 1)}>Previous page</Link> : null}
        {list.page < list.pages ? <Link href={pageLink(list.page + 1)}>Next page</Link> : null}
      </nav>
    </div>
  );
}
