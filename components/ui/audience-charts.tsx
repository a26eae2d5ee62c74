import type { ReactNode } from 'react';

// The audience page's charts: server-rendered SVG bars and plain tables with a bar in each row,
// no chart library and no client code. Each chart is an image with a text summary (title and
// description) for screen readers; the tables carry every number as text.

export type Bar = { key: string; label: string; value: number; title: string };

const nf = (n: number, locale: string) => new Intl.NumberFormat(locale).format(Math.round(n));

/** A bar per item, labelled every `labelEvery` bars. */
export function BarChart({ id, title, summary, bars, labelEvery = 1, locale }: { id: string; title: string; summary: string; bars: Bar[]; labelEvery?: number; locale: string }) {
  const W = 720;
  const H = 160;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = W / Math.max(1, bars.length);
  const gap = step > 6 ? Math.min(4, step * 0.2) : 0;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 22}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {bars.map((b, i) => {
        const h = Math.round((b.value / max) * (H - 14));
        return (
          <g key={b.key}>
            <rect x={i * step + gap / 2} y={H - h} width={Math.max(1, step - gap)} height={h}>
              <title>{`${b.title}: ${nf(b.value, locale)}`}</title>
            </rect>
            {bars.length <= 31 && b.value > 0 ? (
              <text x={i * step + step / 2} y={H - h - 3} textAnchor="middle">
                {nf(b.value, locale)}
              </text>
            ) : null}
            {i % labelEvery === 0 ? (
              <text x={i * step + step / 2} y={H + 15} textAnchor="middle">
                {b.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** A ranked table: name, views, and a bar of the row's share of the largest. */
export function RankTable({ caption, nameHeading, rows, locale }: { caption: string; nameHeading: string; rows: { key: string; name: ReactNode; views: number }[]; locale: string }) {
  const max = Math.max(1, ...rows.map((r) => r.views));
  return (
    <div className="table-wrap">
      <table className="table audience-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeading}</th>
            <th scope="col" className="audience-table__views">
              Views
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>
                {r.name}
                <span className="audience-bar" aria-hidden="true" style={{ width: `${Math.max(1, (100 * r.views) / max)}%` }} />
              </td>
              <td className="audience-table__views">{nf(r.views, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
