import Link from 'next/link';
import { formatWhen } from '@/lib/newsroom-format';
import { PublishedChart } from '@/components/ui/published-chart';
import { getDashboardHome } from '@/db/queries/dashboard-articles';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { can } from '@/lib/permissions';

export const metadata = { title: 'Home' };

type Item = { id: number; headline: string; when: string | null; note?: string };

function List({ items, empty }: { items: Item[]; empty: string }) {
  if (!items.length) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i.id}>
          <Link href={`/dashboard/articles/${i.id}`}>{i.headline}</Link> <span className="muted">{i.when}</span>
          {i.note ? <span className="field__error"> {i.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardHome() {
  const me = await requireRole();
  const settings = await getSiteSettings();
  const home = await getDashboardHome(me, settings.timeZone);
  const when = (iso: string | null) => formatWhen(iso, settings.timeZone, settings.locale);
  return (
    <div>
      <h1>Good to see you, {me.name.split(' ')[0]}</h1>
      {home.missed.length ? (
        <section className="panel notice--error" aria-labelledby="missed-heading">
          <h2 id="missed-heading">Missed schedules</h2>
          <p>These were due but are not published. Open each to see why (an embargo, or no section) and publish or reschedule it.</p>
          <List
            items={home.missed.map((a) => ({ id: a.id, headline: a.headline, when: `due ${when(a.publishedAt)}`, note: a.embargoUntil && new Date(a.embargoUntil) > new Date() ? `(embargoed until ${when(a.embargoUntil)})` : undefined }))}
            empty=""
          />
        </section>
      ) : null}
      <div className="grid">
        <section className="panel" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">My drafts</h2>
          <List items={home.myDrafts.map((a) => ({ id: a.id, headline: a.headline, when: `changed ${when(a.modifiedAt)}` }))} empty="No drafts. Start a new article." />
          <Link href="/dashboard/articles/new">New article</Link>
        </section>
        <section className="panel" aria-labelledby="review-heading">
          <h2 id="review-heading">Waiting for review</h2>
          <List items={home.inReview.map((a) => ({ id: a.id, headline: a.headline, when: `since ${when(a.modifiedAt)}` }))} empty="Nothing is waiting for review." />
        </section>
        <section className="panel" aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">Scheduled next</h2>
          <List items={home.scheduled.map((a) => ({ id: a.id, headline: a.headline, when: when(a.publishedAt) }))} empty="Nothing is scheduled." />
        </section>
        {can(me, 'comments.moderate') ? (
          <section className="panel" aria-labelledby="comments-heading">
            <h2 id="comments-heading">Comments waiting</h2>
            <p className="stat">{home.commentsWaiting}</p>
            <Link href="/dashboard/comments">Moderate comments</Link>
          </section>
        ) : null}
      </div>
      <section className="panel" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Published per day</h2>
        <PublishedChart perDay={home.publishedPerDay} timeZone={settings.timeZone} />
      </section>
    </div>
  );
}
