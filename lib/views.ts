// Audience figures, the pure part: which requests are counted and what is kept of them. A view is
// an article id, the hour and the referring site's domain; nothing about the reader is ever kept
// (docs/decisions/2026-12-01-audience-figures.md).

/**
 * Crawlers, link previewers, monitors, scripts and headless browsers, by the words their user
 * agents carry. An empty user agent is not a browser either. The user agent is read to decide
 * this and then forgotten: it is never stored.
 */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|scrap|archiver|indexer|fetcher|feed|rss|preview|monitor|uptime|pingdom|checker|validator|headless|phantomjs|puppeteer|playwright|selenium|webdriver|lighthouse|pagespeed|ptst|gtmetrix|facebookexternalhit|facebot|embedly|whatsapp|telegram|discord|slack|skype|curl|wget|httpie|python|aiohttp|java\/|okhttp|go-http|node-fetch|undici|axios|libwww|httpclient|postman|insomnia|apache-http|ruby|perl|php|dart:io|reqwest|^mozilla\/\d\.\d$|^$/i;

export function isBot(userAgent: string | null | undefined): boolean {
  const ua = (userAgent ?? '').trim();
  if (ua.length < 12) return true;
  return BOT.test(ua);
}

/** The stored stand-in for a referrer on this site itself (a reader following our own link). */
export const INTERNAL_REFERRER = '(internal)';

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The referring site as kept: its host name in lower case without "www." and without a port,
 * INTERNAL_REFERRER for our own pages, '' when there was none or it is not a plain host name. A
 * numeric address is never kept, not even a website's, so no address of any kind is stored.
 */
export function referrerDomain(raw: string | null | undefined, ownHost: string | null | undefined): string {
  let host = (raw ?? '').trim().toLowerCase();
  if (!host) return '';
  // A full URL may arrive from an old page or a hand-made request: only its host is looked at.
  if (host.includes('/')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (!HOSTNAME.test(host) || IPV4.test(host) || /^\d+$/.test(host)) return '';
  const own = (ownHost ?? '').trim().toLowerCase().replace(/:\d+$/, '');
  const bare = (h: string) => h.replace(/^www\./, '');
  if (own && bare(host) === bare(own)) return INTERNAL_REFERRER;
  return bare(host);
}

export type Beacon = { articleId: number; referrer: string };

/**
 * A beacon's body, "a=<article id>&r=<referring host>", or a reason it cannot be counted. Small
 * on purpose: the page sends it with navigator.sendBeacon as text.
 */
export function parseBeacon(body: string): { ok: true; articleId: number; referrerHost: string } | { ok: false; error: string } {
  if (body.length > 600) return { ok: false, error: 'The view report is too long.' };
  const params = new URLSearchParams(body.trim());
  const id = Number(params.get('a'));
  if (!/^\d{1,10}$/.test(params.get('a') ?? '') || !Number.isSafeInteger(id) || id <= 0 || id > 2147483647) {
    return { ok: false, error: 'The view report must name an article: a=<article id>.' };
  }
  return { ok: true, articleId: id, referrerHost: (params.get('r') ?? '').slice(0, 300) };
}

/** Whether the reader asked not to be tracked (Do Not Track or Global Privacy Control): then nothing is sent. */
export function optedOut(headers: { get(name: string): string | null }): boolean {
  return headers.get('dnt') === '1' || headers.get('sec-gpc') === '1';
}

/** The hour a moment falls in, as the start of that hour (UTC; every zone's hours start on the UTC hour but a few). */
export function hourOf(at: Date | number): Date {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms - (ms % 3_600_000));
}

/** A period for the audience dashboard: the last 1, 7, 30 or 90 days, or from one day to another (YYYY-MM-DD). */
export type AudiencePeriod = { key: string; label: string; from: Date; to: Date; days: number };

export const PERIOD_CHOICES = [
  { key: '1', label: 'Last 24 hours' },
  { key: '7', label: 'Last 7 days' },
  { key: '30', label: 'Last 30 days' },
  { key: '90', label: 'Last 90 days' },
  { key: '365', label: 'Last 12 months' },
] as const;

/** The period a query string asks for; anything else is the last 7 days, with an error to show. */
export function parsePeriod(value: string | undefined, now: Date): { period: AudiencePeriod; error: string | null } {
  const choice = PERIOD_CHOICES.find((c) => c.key === (value ?? '7'));
  const days = Number((choice ?? PERIOD_CHOICES[1]).key);
  const to = hourOf(now.getTime() + 3_600_000);
  const from = new Date(to.getTime() - days * 86_400_000);
  return {
    period: { key: String(days), label: (choice ?? PERIOD_CHOICES[1]).label, from, to, days },
    error: choice || value === undefined || value === '' ? null : 'Choose one of the periods listed; showing the last 7 days.',
  };
}
