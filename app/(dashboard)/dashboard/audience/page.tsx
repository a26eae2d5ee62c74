import Link from 'next/link';
import { BarChart, RankTable, type Bar } from '@/components/ui/audience-charts';
import { getAudienceReport, type AudienceReport } from '@/db/queries/views';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';
import { datePartsInZone } from '@/lib/urls';
import { INTERNAL_REFERRER, parsePeriod, PERIOD_CHOICES } from '@/lib/views';

export const metadata = { title: 'Audience' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const dayKey = (at: Date, zone: string) => {
  const { yyyy, mm, dd } = datePartsInZone(at, zone);
  return `${yyyy}-${mm}-${dd}`;
};

/** Every day of the period in the paper's time zone, with its views (0 when none). */
function dayBars(report: AudienceReport, from: Date, to: Date, zone: string): Bar[] {
  const counts = new Map(report.perDay.map((d) => [d.day, d.views]));
  const days: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 6 * 3_600_000) {
    const key = dayKey(new Date(t), zone);
    if (days[days.length - 1] !== key) days.push(key);
  }
  return days.map((d) => ({ key: d, label: `${Number(d.slice(8))}/${Number(d.slice(5, 7))}`, value: counts.get(d) ?? 0, title: d }));
}

function hourBars(report: AudienceReport, from: Date, to: Date, zone: string, locale: string): { bars: Bar[]; every: number; kind: 'timeline' | 'hour-of-day' } {
  if (report.perHour.kind === 'hour-of-day') {
    const counts = new Map(report.perHour.hours.map((h) => [h.hour, h.views]));
    return { kind: 'hour-of-day', every: 3, bars: Array.from({ length: 24 }, (_, h) => ({ key: String(h), label: `${String(h).padStart(2, '0')}:00`, value: counts.get(h) ?? 0, title: `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59` })) };
  }
  const counts = new Map(report.perHour.hours.map((h) => [new Date(h.hour).getTime(), h.views]));
  const fmt = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' });
  const short = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const bars: Bar[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 3_600_000) bars.push({ key: String(t), label: short.format(t), value: counts.get(t) ?? 0, title: fmt.format(t) });
  return { kind: 'timeline', every: bars.length > 48 ? 24 : 6, bars };
}

const referrerName = (domain: string) => (domain === '' ? 'Direct, or not said' : domain === INTERNAL_REFERRER ? 'This site (our own links)' : domain);

export default async function AudiencePage({ searchParams }: Props) {
  await requireRole(...rolesFor('audience.view'));
  const query = await searchParams;
  const raw = Array.isArray(query.period) ? query.period[0] : query.period;
  const now = new Date();
  const { period, error } = parsePeriod(raw, now);
  const settings = await getSiteSettings();
  const { timeZone, locale } = settings;
  const report = await getAudienceReport(period, timeZone, { now });
  const nf = new Intl.NumberFormat(locale);
  const days = dayBars(report, period.from, period.to, timeZone);
  const hours = hourBars(report, period.from, period.to, timeZone, locale);
  const busiest = days.reduce<Bar | null>((best, d) => (!best || d.value > best.value ? d : best), null);

  return (
    <div className="audience">
      <h1>Audience</h1>
      <p className="muted">
        Page views of articles, counted without cookies or anything that identifies a reader: no addresses, no browser details, no visitor ids. Bots, readers who ask not to be tracked, and the
        newsroom’s own browsers are not counted. Times are in {timeZone}.
      </p>
      <form method="get" className="filters" aria-label="Choose the period">
        <div className="field">
          <label htmlFor="audience-period">Period</label>
          <select id="audience-period" name="period" defaultValue={period.key}>
            {PERIOD_CHOICES.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Show
          </button>
        </div>
      </form>
      {error ? (
        <p className="field__error" role="status">
          {error}
        </p>
      ) : null}

      {report.total === 0 ? (
        <section className="panel" aria-labelledby="audience-empty">
          <h2 id="audience-empty">No views yet</h2>
          <p>Nothing has been counted for {period.label.toLowerCase()}. Views appear here within a few seconds of readers opening published articles.</p>
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="audience-total">
            <h2 id="audience-total">{period.label}</h2>
            <p className="stat">{nf.format(report.total)}</p>
            <p className="muted">article views{busiest && busiest.value > 0 ? `; the busiest day was ${busiest.title} with ${nf.format(busiest.value)}` : ''}.</p>
          </section>
          <section className="panel" aria-labelledby="audience-days">
            <h2 id="audience-days">Views per day</h2>
            <BarChart
              id="chart-days"
              title={`Article views per day, ${period.label.toLowerCase()}`}
              summary={`${nf.format(report.total)} views over ${days.length} days${busiest ? `; most on ${busiest.title} (${nf.format(busiest.value)})` : ''}.`}
              bars={days}
              labelEvery={Math.max(1, Math.ceil(days.length / 12))}
              locale={locale}
            />
          </section>
          <section className="panel" aria-labelledby="audience-hours">
            <h2 id="audience-hours">{hours.kind === 'timeline' ? 'Views per hour' : 'Views by hour of the day'}</h2>
            {hours.kind === 'hour-of-day' ? <p className="muted">Each bar adds up that hour of every day in the period{period.days > 90 ? ' (hourly figures are kept for 90 days)' : ''}.</p> : null}
            <BarChart
              id="chart-hours"
              title={hours.kind === 'timeline' ? `Article views per hour, ${period.label.toLowerCase()}` : `Article views by hour of the day, ${period.label.toLowerCase()}`}
              summary={`The busiest hour: ${hours.bars.reduce((b, h) => (h.value > b.value ? h : b), hours.bars[0]!).title}.`}
              bars={hours.bars}
              labelEvery={hours.every}
              locale={locale}
            />
          </section>
          <div className="grid">
            <section className="panel" aria-labelledby="audience-articles">
              <h2 id="audience-articles">Top articles</h2>
              <RankTable
                caption="Articles read most in the period"
                nameHeading="Article"
                locale={locale}
                rows={report.articles.map((a) => ({
                  key: String(a.id),
                  views: a.views,
                  name: (
                    <>
                      <Link href={`/dashboard/articles/${a.id}`}>{a.headline}</Link>
                      {a.status !== 'published' ? <span className={`badge badge--${a.status}`}> {a.status.replace('_', ' ')}</span> : null}
                    </>
                  ),
                }))}
              />
            </section>
            <section className="panel" aria-labelledby="audience-sections">
              <h2 id="audience-sections">Top sections</h2>
              <RankTable caption="Sections read most in the period" nameHeading="Section" locale={locale} rows={report.sections.map((s) => ({ key: s.slug ?? '-', name: s.name, views: s.views }))} />
            </section>
            <section className="panel" aria-labelledby="audience-authors">
              <h2 id="audience-authors">Top authors</h2>
              <p className="muted">A story with two writers counts for each.</p>
              <RankTable caption="Writers whose stories were read most in the period" nameHeading="Author" locale={locale} rows={report.authors.map((s) => ({ key: s.slug, name: s.name, views: s.views }))} />
            </section>
            <section className="panel" aria-labelledby="audience-referrers">
              <h2 id="audience-referrers">Where readers came from</h2>
              <p className="muted">The referring site’s name only, as the browser sent it.</p>
              <RankTable caption="Referring sites in the period" nameHeading="Site" locale={locale} rows={report.referrers.map((r) => ({ key: r.domain || '-', name: referrerName(r.domain), views: r.views }))} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
