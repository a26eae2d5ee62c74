import Link from 'next/link';
import { StateForm } from '@/components/dashboard/state-form';
import { listLiveBlogCandidates, listLiveBlogsForNewsroom } from '@/db/queries/live-blog';
import { getSiteSettings } from '@/db/queries/settings';
import { can, rolesFor } from '@/lib/permissions';
import { formatWhen } from '@/lib/newsroom-format';
import { requireRole } from '@/server/auth/session';
import { makeLiveBlogAction } from '../_actions/live-blog';

export const metadata = { title: 'Live blogs' };

export default async function LiveBlogsPage() {
  const me = await requireRole(...rolesFor('live.post'));
  const moderator = can(me, 'live.moderate');
  const [blogs, candidates, settings] = await Promise.all([listLiveBlogsForNewsroom(), moderator ? listLiveBlogCandidates() : Promise.resolve([]), getSiteSettings()]);
  return (
    <div>
      <h1>Live blogs</h1>
      {blogs.length === 0 ? (
        <p>No live blogs yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Live blogs, newest coverage first</caption>
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Coverage</th>
              <th scope="col">Entries</th>
              <th scope="col">Last entry</th>
            </tr>
          </thead>
          <tbody>
            {blogs.map((b) => (
              <tr key={b.articleId}>
                <td>
                  <Link href={`/dashboard/live/${b.articleId}`}>{b.headline}</Link> {b.status !== 'published' ? <span className="badge">{b.status.replace('_', ' ')}</span> : null}
                </td>
                <td>{b.coverageEnd ? `Ended ${formatWhen(b.coverageEnd, settings.timeZone, settings.locale)}` : 'Live'}</td>
                <td>{b.entryCount}</td>
                <td>{formatWhen(b.lastPostAt, settings.timeZone, settings.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {moderator ? (
        <section className="panel" aria-labelledby="make-live">
          <h2 id="make-live">Make a story a live blog</h2>
          <p>Write the headline, standfirst and an introduction in the article editor and publish it as usual; the entries are posted here.</p>
          <StateForm
            idPrefix="make-live"
            action={makeLiveBlogAction}
            submitLabel="Make it a live blog"
            fields={[{ name: 'articleId', label: 'Story', type: 'select', options: [{ value: '', label: 'Choose a story…' }, ...candidates.map((c) => ({ value: String(c.id), label: `${c.headline} (${c.status.replace('_', ' ')})` }))] }]}
          />
        </section>
      ) : null}
    </div>
  );
}
