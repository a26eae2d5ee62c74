import { formatWhen } from '@/lib/newsroom-format';
import { listAudit } from '@/db/queries/admin';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';

export const metadata = { title: 'Audit log' };

export default async function AuditPage() {
  await requireRole('admin');
  const [entries, settings] = await Promise.all([listAudit(300), getSiteSettings()]);
  return (
    <div>
      <h1>Audit log</h1>
      <p className="muted">The latest 300 staff actions. “System” is the scheduler.</p>
      <div className="table-wrap">
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label="When">{formatWhen(e.at, settings.timeZone, settings.locale)}</td>
                <td data-label="Who">{e.who ?? 'System'}</td>
                <td data-label="What">{e.action}</td>
                <td data-label="Subject">
                  {e.subject.startsWith('article:') ? <a href={`/dashboard/articles/${e.subject.slice(8)}`}>{e.subject}</a> : e.subject}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
