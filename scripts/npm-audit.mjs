// `node scripts/npm-audit.mjs`: the CI gate on known vulnerabilities in what we ship. Runs
// `npm audit --omit=dev --json` (the packages a production install gets) and exits 1 when any
// advisory of high or critical severity is not on the allow-list, .ci/audit-allowlist.json.
//
// The allow-list is for advisories we have read and judged not to reach us; each entry needs the
// advisory's id (GHSA-…), the package, and a written reason, and may carry an `expires` date
// (YYYY-MM-DD) after which it no longer counts, so a judgement is revisited. An entry without a
// reason fails the run whatever the audit says: an unexplained exception is the thing to avoid.
//
// When npm cannot reach the audit endpoint (offline, or a registry mirror without the bulk
// advisory API, as on the machines here), the script says so plainly and exits 0: no network is
// not a finding, and the lockfile's pins plus the README's version floors still hold.
//
// Options: --allowlist <file> (default .ci/audit-allowlist.json); --report <file> reads a saved
// `npm audit --json` report instead of running npm (for tests and for checking a report by hand).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const GATED = new Set(['high', 'critical']);

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** The allow-list's entries, or the problems that make it unusable. */
function readAllowlist(file, today) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { problems: [`cannot read the allow-list ${file}: ${error.message}`], entries: [] };
  }
  const problems = [];
  const entries = [];
  if (!Array.isArray(doc.allow)) return { problems: [`${file} must hold an "allow" array`], entries };
  doc.allow.forEach((entry, i) => {
    const where = `${file} entry ${i + 1}${entry?.id ? ` (${entry.id})` : ''}`;
    if (typeof entry?.id !== 'string' || !/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(entry.id)) problems.push(`${where}: "id" must be a GitHub advisory id, GHSA-xxxx-xxxx-xxxx`);
    if (typeof entry?.package !== 'string' || !entry.package) problems.push(`${where}: "package" must name the vulnerable package`);
    // A few words at least: "ok" or "n/a" is not a reason.
    if (typeof entry?.reason !== 'string' || entry.reason.trim().split(/\s+/).length < 5) problems.push(`${where}: needs a written "reason" (why this advisory does not reach us), of a sentence at least`);
    if (entry?.expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(entry.expires)) problems.push(`${where}: "expires" must be a date, YYYY-MM-DD`);
    if (entry?.expires && entry.expires < today) {
      console.log(`note: ${where} expired on ${entry.expires}; it no longer counts`);
      return;
    }
    entries.push(entry);
  });
  return { problems, entries };
}

/** Runs npm audit, or reads a saved report: the parsed report, or why there is none. */
function auditReport(saved) {
  let text;
  if (saved) {
    text = fs.readFileSync(saved, 'utf8');
  } else {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    if (run.error) return { unreachable: `npm audit did not run: ${run.error.message}` };
    text = run.stdout;
  }
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { unreachable: `npm audit gave no report (${text.trim().slice(0, 200) || 'no output'})` };
  }
  // npm answers with its error as JSON when the endpoint fails: {"message": "405 Method Not Allowed - POST …/advisories/bulk", ...}.
  if (!report.vulnerabilities) return { unreachable: report.message || report.error?.summary || 'the report has no "vulnerabilities"' };
  return { report };
}

/** Every advisory of high or critical severity in a report (npm's auditReportVersion 2), once each. */
function gatedAdvisories(report) {
  const found = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    // `via` holds the advisories themselves (objects) and the names of vulnerable dependencies
    // (strings); those dependencies carry their advisories in their own entries.
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || !GATED.has(via.severity)) continue;
      const id = /GHSA(-[a-z0-9]{4}){3}/i.exec(via.url ?? '')?.[0] ?? `npm advisory ${via.source}`;
      const key = `${id} ${via.name}`;
      if (!found.has(key)) found.set(key, { id, package: via.name, severity: via.severity, title: via.title, range: via.range, url: via.url });
    }
  }
  return [...found.values()];
}

const allowlistFile = option('--allowlist', '.ci/audit-allowlist.json');
const today = new Date().toISOString().slice(0, 10);
const allowlist = readAllowlist(allowlistFile, today);
for (const problem of allowlist.problems) console.log(`allow-list: ${problem}`);

const { report, unreachable } = auditReport(option('--report', null));
if (unreachable) {
  console.log(`npm audit: could not reach the audit endpoint, so no advisories were checked (${unreachable}).`);
  console.log('npm audit: not failing for that alone; the allow-list was still checked.');
  process.exit(allowlist.problems.length ? 1 : 0);
}

const advisories = gatedAdvisories(report);
const allowed = (a) => allowlist.entries.find((e) => e.id.toLowerCase() === a.id.toLowerCase() && e.package === a.package);
const blocking = advisories.filter((a) => !allowed(a));
for (const a of advisories) {
  const entry = allowed(a);
  if (entry) console.log(`allowed: ${a.severity} ${a.id} in ${a.package} (${a.title}): ${entry.reason}`);
}
for (const a of blocking) console.log(`BLOCKING: ${a.severity} ${a.id} in ${a.package} ${a.range ?? ''}: ${a.title} ${a.url ?? ''}`);
for (const e of allowlist.entries) {
  if (!advisories.some((a) => a.id.toLowerCase() === e.id.toLowerCase() && a.package === e.package)) console.log(`note: allow-list entry ${e.id} (${e.package}) matches nothing any more; remove it`);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `npm audit: ${advisories.length} high or critical advisories, ${blocking.length} not allowed` +
    ` (all severities: ${['critical', 'high', 'moderate', 'low'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')})`,
);
process.exit(blocking.length || allowlist.problems.length ? 1 : 0);
