// Dates are stored in UTC and shown in the publication's time zone.

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date format, made once per locale and options and then reused: making an Intl.DateTimeFormat
 * costs far more than formatting with one, and a page formats a date for every card and comment.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    if (formats.size > 500) formats.clear(); // Bounded: locales and zones come from settings.
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "This article is more than 2 years old", or null for an article under a year old. */
export function ageNotice(publishedIso: string, now: Date): string | null {
  const published = new Date(publishedIso);
  let years = now.getUTCFullYear() - published.getUTCFullYear();
  const anniversary = new Date(published);
  anniversary.setUTCFullYear(published.getUTCFullYear() + years);
  if (anniversary > now) years -= 1;
  if (years < 1) return null;
  return `This article is more than ${years === 1 ? '1 year' : `${years} years`} old`;
}
