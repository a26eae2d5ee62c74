import { formatDate, formatDateTime } from '@/lib/dates';

export function Timestamp({ iso, locale, timeZone, withTime = true }: { iso: string; locale: string; timeZone: string; withTime?: boolean }) {
  return <time dateTime={iso}>{withTime ? formatDateTime(iso, locale, timeZone) : formatDate(iso, locale, timeZone)}</time>;
}
