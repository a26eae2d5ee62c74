import Link from 'next/link';
import { formatWhen } from '@/lib/newsroom-format';
import { listCommentBans } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';
import { banCommenterAction, liftBanAction } from '../../_actions/comments';

export const metadata = { title: 'Comment bans' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BansPage({ searchParams }: Props) {
  await requireRole(...rolesFor('comments.moderate'));
  const done = (await searchParams).done;
  const [bans, settings] = await Promise.all([listCommentBans(), getSiteSettings()]);
  const returnTo = '/dashboard/comments/bans';
  return (
    <div>
      <p>
        <Link href="/dashboard/comments">Back to the queue</Link>
      </p>
      <h1>Comment bans</h1>
      <p className="form__notice" role="status">
        {typeof done === 'string' ? done : ''}
      </p>
      <p className="muted">New comments from a banned e-mail or network address go straight to spam; the commenter is not told.</p>
      <form action={banCommenterAction} className="filters" aria-label="Add a ban">
        <input type="hidden" name="returnTo" value={returnTo} />
        <label>
          Ban
          <select name="kind" defaultValue="email">
            <option value="email">an e-mail address</option>
            <option value="address">a network address</option>
          </select>
        </label>
        <label>
          Value
          <input type="text" name="value" required />
        </label>
        <label>
          Reason
          <input type="text" name="reason" />
        </label>
        <button className="button button--danger" type="submit">
          Ban
        </button>
      </form>
      {bans.length === 0 ? (
        <p>Nobody is banned.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">Banned</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bans.map((b) => (
                <tr key={b.id}>
                  <td>
                    {b.kind === 'email' ? <Link href={`/dashboard/comments/commenter?email=${encodeURIComponent(b.value)}`}>{b.value}</Link> : <Link href={`/dashboard/comments?status=spam&address=${encodeURIComponent(b.value)}`}>{b.value}</Link>}
                  </td>
                  <td data-label="Reason">{b.reason || '—'}</td>
                  <td data-label="Since">{formatWhen(b.createdAt, settings.timeZone, settings.locale)}</td>
                  <td>
                    <form action={liftBanAction}>
                      <input type="hidden" name="banId" value={b.id} />
                      <input type="hidden" name="returnTo" value={returnTo} />
                      <button className="button button--small" type="submit">
                        Lift ban<span className="visually-hidden"> on {b.value}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
