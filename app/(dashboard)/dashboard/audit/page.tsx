import Link from 'next/link';
import { formatWhen } from '@/lib/newsroom-format';
import { listAudit, listAuditPeople } from '@/db/queries/admin';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { auditActionChoices, auditDetailText, auditWords, parseAuditFilter, type AuditQuery } from '@/lib/audit';
import { rolesFor } from '@/lib/permissions';

export const metadata = { title: 'Audit log' };

const SHOWN = 300;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The query string's values, one each (a repeated key keeps its first). */
function single(query: Record<string, string | string[] | undefined>): AuditQuery {
  const get = (k: string) => {
    const v = query[k];
    return Array.isArray(v) ? v[0] : v;
  };
  return { person: get('person'), article: get('article'), action: get('action'), from: get('from'), to: get('to') };
}

export default async function AuditPage({ searchParams }: Props) {
  await requireRole(...rolesFor('audit.view'));
  const query = single(await searchParams);
  const { filter, errors } = parseAuditFilter(query);
  const [entries, people, settings] = await Promise.all([listAudit(filter, SHOWN), listAuditPeople(), getSiteSettings()]);
  const exportQuery = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const filtered = Object.keys(filter).length > 0;

  return (
    <div>
      <h1>Audit log</h1>
      <p className="muted">
        The latest {SHOWN} staff actions{filtered ? ' that match the filter' : ''}, newest first, in the site’s time zone. “System” is the scheduler; failed sign-ins have nobody signed in.
      </p>
      <form method="get" className="filters" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-person">Person</label>
          <select id="audit-person" name="person" defaultValue={query.person ?? ''}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-article">Article (number or newsroom address)</label>
          <input id="audit-article" name="article" defaultValue={query.article ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ''}>
            <option value="">Any action</option>
            {auditActionChoices().map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Filter
          </button>
          {filtered ? (
            <Link className="button" href="/dashboard/audit">
              Clear
            </Link>
          ) : null}
          <a className="button" href={`/dashboard/audit/export${exportQuery ? `?${exportQuery}` : ''}`} download>
            Download as CSV
          </a>
        </div>
      </form>
      {errors.length ? (
        <div className="notice notice--error" role="alert">
          {errors.map((e) => (
            <p key={e} style={{ margin: 0 }}>
              {e}
            </p>
          ))}
        </div>
      ) : null}
      {entries.length === 0 ? <p>Nothing in the log matches.</p> : null}
      <div className="table-wrap">
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">About</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label="When">{formatWhen(e.at, settings.timeZone, settings.locale)}</td>
                <td data-label="Who">{e.who ?? (e.action.startsWith('auth.') ? 'Not signed in' : 'System')}</td>
                <td data-label="What">{auditWords(e.action)}</td>
                <td data-label="About">{e.href ? <Link href={e.href}>{e.subject}</Link> : e.subject}</td>
                <td data-label="Details">{auditDetailText(e.action, e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
