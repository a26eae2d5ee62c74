import { datePartsInZone } from '@/lib/urls';

/** Articles first published per day over the last 30 days, as a server-rendered bar chart. */
export function PublishedChart({ perDay, timeZone, now = new Date() }: { perDay: { day: string; n: number }[]; timeZone: string; now?: Date }) {
  const counts = new Map(perDay.map((d) => [d.day, d.n]));
  const days: { day: string; n: number; label: string }[] = [];
  for (let i = 29; i >= 0; i--) {
    const at = new Date(now.getTime() - i * 86_400_000);
    const { yyyy, mm, dd } = datePartsInZone(at, timeZone);
    const day = `${yyyy}-${mm}-${dd}`;
    days.push({ day, n: counts.get(day) ?? 0, label: `${Number(dd)}/${Number(mm)}` });
  }
  const max = Math.max(1, ...days.map((d) => d.n));
  const total = days.reduce((sum, d) => sum + d.n, 0);
  const W = 600;
  const H = 160;
  const bar = W / days.length;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Articles published per day, last 30 days</title>
        <desc id="chart-desc">{`${total} articles in 30 days; the busiest day had ${max === 1 && total === 0 ? 0 : max}.`}</desc>
        {days.map((d, i) => {
          const h = Math.round((d.n / max) * (H - 14));
          return (
            <g key={d.day}>
              <rect x={i * bar + 2} y={H - h} width={bar - 4} height={h}>
                <title>{`${d.day}: ${d.n}`}</title>
              </rect>
              {d.n > 0 ? (
                <text x={i * bar + bar / 2} y={H - h - 3} textAnchor="middle">
                  {d.n}
                </text>
              ) : null}
              {i % 5 === 4 ? (
                <text x={i * bar + bar / 2} y={H + 14} textAnchor="middle">
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{total} articles published in the last 30 days.</figcaption>
    </figure>
  );
}
