// Dates are stored in UTC and shown in the publication's time zone.

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
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
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
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
