// The window of newest days a common word is ranked in, as the search index holds days: the
// period lexemes of article_search_facets (migrations 0005, 0007), how a window starts, widens,
// and scales its count to an estimate for the whole span. Pure arithmetic; db/queries/search.ts
// runs the statements. See docs/decisions/2026-11-28-site-search.md.

export const DAY_MS = 86_400_000;
/** Day 0 of article_search_facets' day numbers (migrations 0005, 0007). */
const PERIOD_EPOCH = Date.UTC(2000, 0, 1);

/**
 * The period lexemes of article_search_facets (migration 0007) that cover the UTC days from `from` to
 * `to`: whole years and months where they fit, single days at the edges (at most about 90).
 * `prefix` names the column they follow: 'p' for published_at, 'm' for modified_at.
 */
export function periodLexemes(prefix: 'p' | 'm', from: Date, to: Date): string[] {
  const dayOf = (ms: number) => Math.floor((ms - PERIOD_EPOCH) / DAY_MS);
  const out: string[] = [];
  const last = dayOf(to.getTime());
  for (let d = dayOf(from.getTime()); d <= last; ) {
    const date = new Date(PERIOD_EPOCH + d * DAY_MS);
    const [y, m, firstOfMonth] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() === 1];
    const nextYear = dayOf(Date.UTC(y + 1, 0, 1));
    const nextMonth = dayOf(Date.UTC(y, m + 1, 1));
    if (firstOfMonth && m === 0 && nextYear - 1 <= last) {
      out.push(`${prefix}y${y}`);
      d = nextYear;
    } else if (firstOfMonth && nextMonth - 1 <= last) {
      out.push(`${prefix}m${y * 12 + m}`);
      d = nextMonth;
    } else {
      out.push(`${prefix}d${d}`);
      d += 1;
    }
  }
  return out;
}

/**
 * The window from `startMs` to `upper` as period lexemes, and where it really starts. GIN advances
 * every lexeme of the window at each candidate, so a long window is asked for in whole months
 * (from 45 days) or whole years (from two years), its start rounded down: a little more to rank,
 * far fewer keys. Its newest end is always a whole month or year, or days: what lies after
 * `upper` (scheduled articles, a "to" date) is excluded by the scope anyway.
 */
export function windowLexemes(prefix: 'p' | 'm', startMs: number, upper: Date): { lexemes: string[]; startMs: number } {
  const days = (upper.getTime() - startMs) / DAY_MS;
  if (days <= 45) return { lexemes: periodLexemes(prefix, new Date(startMs), upper), startMs };
  const start = new Date(startMs);
  const [y, m] = [upper.getUTCFullYear(), upper.getUTCMonth()];
  if (days <= 730) {
    const from = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
    return { lexemes: periodLexemes(prefix, new Date(from), new Date(Date.UTC(y, m + 1, 0))), startMs: from };
  }
  const from = Date.UTC(start.getUTCFullYear(), 0, 1);
  return { lexemes: periodLexemes(prefix, new Date(from), new Date(Date.UTC(y, 11, 31))), startMs: from };
}

/** The newest `windowMs` before `upper`, started at the beginning of its first UTC day (whole days, as the index holds them). */
export function newestWindow(prefix: 'p' | 'm', windowMs: number, upper: Date): { lexemes: string[]; startMs: number } {
  const upperMs = upper.getTime();
  return windowLexemes(prefix, PERIOD_EPOCH + Math.floor((upperMs - windowMs - PERIOD_EPOCH) / DAY_MS) * DAY_MS, upper);
}

/**
 * How long the first window is: about `articles` articles at the rate they arrive in scope (per
 * millisecond), or 30 days when nothing arrived lately.
 */
export function firstWindowMs(rate: number, articles: number): number {
  return rate > 0 ? articles / rate : 30 * DAY_MS;
}

/**
 * How long the next window is, after one from `startMs` to `upperMs` held `inWindow` of the
 * `pool` matches wanted: widened by the density measured, at least twice and at most 16 times
 * (so a word common only in older years does not pull in a huge window at once).
 */
export function widenedWindowMs(startMs: number, upperMs: number, inWindow: number, pool: number): number {
  return (upperMs - startMs) * Math.min(16, Math.max(2, inWindow > 0 ? (1.3 * pool) / inWindow : 16));
}

/**
 * The matches in a window, scaled to the whole span in scope (from `oldestMs`) by the window's
 * share of the time (articles come at a roughly steady rate): the N of "About N results".
 */
export function estimatedTotal(inWindow: number, startMs: number, upperMs: number, oldestMs: number): number {
  const share = Math.min(1, (upperMs - startMs) / Math.max(DAY_MS, upperMs - oldestMs));
  return roundEstimate(Math.round(inWindow / share));
}

/** Two significant figures: "about 12,000", not "about 12,347". */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}
