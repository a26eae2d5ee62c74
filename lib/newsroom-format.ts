// Small formatting helpers shared by dashboard pages (server and client).
import type { ArticleStatus } from './domain';
import { dateFormat } from './dates';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

export function formatWhen(iso: string | null, timeZone: string, locale = 'en-GB'): string {
  if (!iso) return '—';
  return dateFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
