import 'server-only';
import { articleRedirectTargets, importedCounts, listImportedArticles, listImportNotes } from '../../db/queries/wordpress-import';
import { normalizeOldPath } from '../../lib/wordpress/mapping';

// The verification report at the end of an import: every post and page with its old and new
// address, and whether the old address answers 301 to the live page: the redirect the proxy would
// find for it (the same table and the same live condition, read in bulk rather than one request
// at a time); the counts of what was made; and every note, with the item it concerns.

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
  const oldPaths = rows.filter((r) => r.oldUrl).map((r) => normalizeOldPath(r.oldUrl!.split('?')[0]!, r.oldUrl!.includes('?') ? r.oldUrl!.slice(r.oldUrl!.indexOf('?')) : ''));
  const targets = await articleRedirectTargets(oldPaths);
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
      const key = normalizeOldPath(r.oldUrl.split('?')[0]!, r.oldUrl.includes('?') ? r.oldUrl.slice(r.oldUrl.indexOf('?')) : '');
      const target = targets.get(key);
      if (key === r.path) redirect = 'same-address';
      else redirect = target && target.articleId === r.articleId && target.live && target.path === r.path ? 'ok' : 'broken';
      if (redirect === 'broken') warnings.push({ item: label, code: 'redirect', detail: `${r.oldUrl} does not lead to ${r.path}` });
      if (redirect === 'broken') broken++;
      else ok++;
    }
    items.push({ kind: r.kind, wpId: r.wpId, headline: r.headline ?? '', status: r.status ?? '', oldUrl: r.oldUrl, newUrl: r.path, redirect });
  }
  for (const n of await listImportNotes(source, ['attachment', 'upload', 'pingback'])) {
    for (const note of n.notes) warnings.push({ item: `${n.kind} ${n.wpId}${n.oldUrl ? ` (${n.oldUrl})` : ''}`, code: note.code, detail: note.detail });
  }
  const report: VerificationReport = { checkedAt: new Date().toISOString(), items, redirectsOk: ok, redirectsBroken: broken, imported: await importedCounts(source), warnings };
  return report as unknown as Record<string, unknown>;
}
