import { listAudit } from '@/db/queries/admin';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRoleForApi } from '@/server/auth/session';
import { auditDetailText, auditWords, csvField, parseAuditFilter } from '@/lib/audit';
import { rolesFor } from '@/lib/permissions';

// The audit log as a CSV file, with the page's filter. Admins only, checked here (the proxy's
// redirect is a courtesy); never cached. Times are given in UTC (ISO 8601) and in the site's zone.

export const dynamic = 'force-dynamic';

const MAX_ROWS = 50_000;

export async function GET(request: Request) {
  await requireRoleForApi(...rolesFor('audit.view'));
  const params = new URL(request.url).searchParams;
  const query = { person: params.get('person') ?? undefined, article: params.get('article') ?? undefined, action: params.get('action') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const { filter, errors } = parseAuditFilter(query);
  if (errors.length) return new Response(`${errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  const [entries, settings] = await Promise.all([listAudit(filter, MAX_ROWS), getSiteSettings()]);
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: settings.timeZone, dateStyle: 'short', timeStyle: 'medium' });
  const lines = [
    ['When (UTC)', `When (${settings.timeZone})`, 'Who', 'What', 'About', 'Details', 'Code'],
    ...entries.map((e) => [e.at, local.format(new Date(e.at)), e.who ?? (e.action.startsWith('auth.') ? 'Not signed in' : 'System'), auditWords(e.action), e.subject, auditDetailText(e.action, e.detail), e.action]),
  ];
  // CRLF and a byte-order mark: what spreadsheet programs expect of a CSV file with accents in it.
  const body = `\uFEFF${lines.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`, 'Cache-Control': 'no-store' },
  });
}
