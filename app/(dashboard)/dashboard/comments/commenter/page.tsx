import Link from 'next/link';
import { formatWhen } from '@/lib/newsroom-format';
import { countCommentsByStatus, listCommentBans, listCommentsForModeration } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';
import { CommentStatusBadge } from '../../../../../components/ui/comment-status-badge';
import { banCommenterAction, eraseCommenterAction, liftBanAction } from '../../_actions/comments';

// One commenter, by e-mail address: their history, bans, and their data on request (export as a
// file, or erase).

export const metadata = { title: 'Commenter' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CommenterPage({ searchParams }: Props) {
  await requireRole(...rolesFor('comments.moderate'));
  const raw = await searchParams;
  const one = (k: string) => {
    const v = raw[k];
    return ((Array.isArray(v) ? v[0] : v) ?? '').slice(0, 200).trim();
  };
  const email = one('email').toLowerCase();
  const done = one('done');
  const returnTo = `/dashboard/comments/commenter?email=${encodeURIComponent(email)}`;

  const finder = (
    <form className="filters" method="get" role="search" aria-label="Find a commenter">
      <label>
        E-mail address
        <input type="email" name="email" defaultValue={email} required />
      </label>
      <button className="button" type="submit">
        Show history
      </button>
    </form>
  );
  if (!email) {
    return (
      <div>
        <p>
          <Link href="/dashboard/comments">Back to the queue</Link>
        </p>
        <h1>Find a commenter</h1>
        {finder}
      </div>
    );
  }

  const [history, counts, bans, settings] = await Promise.all([
    listCommentsForModeration({ email, limit: 200 }),
    countCommentsByStatus({ email }),
    listCommentBans({ email }),
    getSiteSettings(),
  ]);
  const addresses = [...new Set(history.items.map((c) => c.clientAddress).filter((a): a is string => Boolean(a)))];
  const addressBans = await listCommentBans({}).then((all) => all.filter((b) => b.kind === 'address' && addresses.includes(b.value)));
  const total = counts.pending + counts.approved + counts.spam + counts.trash;

  return (
    <div>
      <p>
        <Link href="/dashboard/comments">Back to the queue</Link>
      </p>
      <h1>Commenter {email}</h1>
      <p className="form__notice" role="status">
        {done}
      </p>
      {finder}
      <p>
        {total === 1 ? '1 comment' : `${total} comments`}: {counts.approved} approved, {counts.pending} pending, {counts.spam} spam, {counts.trash} in the trash.
      </p>

      <section className="panel" aria-labelledby="bans-heading">
        <h2 id="bans-heading">Bans</h2>
        {[...bans, ...addressBans].length ? (
          <ul>
            {[...bans, ...addressBans].map((b) => (
              <li key={b.id}>
                {b.kind === 'email' ? 'E-mail' : 'Address'} {b.value} {b.reason ? `(${b.reason})` : ''} since {formatWhen(b.createdAt, settings.timeZone, settings.locale)}{' '}
                <form action={liftBanAction} style={{ display: 'inline' }}>
                  <input type="hidden" name="banId" value={b.id} />
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <button className="button button--small" type="submit">
                    Lift ban
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>Not banned.</p>
        )}
        <form action={banCommenterAction} className="filters">
          <input type="hidden" name="returnTo" value={returnTo} />
          <label>
            Ban
            <select name="kind" defaultValue="email">
              <option value="email">this e-mail address</option>
              <option value="address">a network address</option>
            </select>
          </label>
          <label>
            Value
            <input type="text" name="value" defaultValue={email} list="commenter-addresses" />
            <datalist id="commenter-addresses">
              {[email, ...addresses].map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </label>
          <label>
            Reason (for other moderators)
            <input type="text" name="reason" />
          </label>
          <button className="button button--danger" type="submit">
            Ban
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="data-heading">
        <h2 id="data-heading">Their data</h2>
        <p>
          <a className="button" href={`/dashboard/comments/export?email=${encodeURIComponent(email)}`} download>
            Export everything we hold (JSON)
          </a>
        </p>
        <form action={eraseCommenterAction} className="form">
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" required /> Erase all comments by {email}. Comments others replied to stay in place as “Removed”.
          </label>
          <div className="button-row">
            <button className="button button--danger" type="submit">
              Erase their data
            </button>
          </div>
        </form>
      </section>

      <h2>History</h2>
      <ol className="moderation-list">
        {history.items.map((c) => (
          <li key={c.id} className="panel moderation-item">
            <div className="moderation-item__head">
              <strong>{c.authorName}</strong> <CommentStatusBadge status={c.status} /> <span className="muted">{formatWhen(c.createdAt, settings.timeZone, settings.locale)}</span>{' '}
              {c.clientAddress ? <span className="muted">from {c.clientAddress}</span> : null}
            </div>
            <p className="muted moderation-item__article">
              On {c.articlePath ? <a href={`${c.articlePath}#comment-${c.id}`}>{c.articleHeadline}</a> : c.articleHeadline} · <Link href={`/dashboard/comments/${c.id}`}>Open</Link>
            </p>
            <div className="moderation-item__body">{c.body}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
