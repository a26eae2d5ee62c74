import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/npm-audit.mjs, the CI gate on advisories, run as CI runs it. The audit endpoint is not
// reachable from these machines, so the reports are written in npm's own format (auditReportVersion
// 2, as `npm audit --json` prints it) and handed over with --report; the one case without a report
// runs the real npm against a registry that refuses connections.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-audit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: unknown): string {
  const f = path.join(dir, `${++n}.json`);
  fs.writeFileSync(f, JSON.stringify(content));
  return f;
}

function audit(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['scripts/npm-audit.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: run.status, out: run.stdout + run.stderr };
}

const middlewareBypass = {
  source: 1103918,
  name: 'next',
  dependency: 'next',
  title: 'Authorization Bypass in Next.js Middleware',
  url: 'https://github.com/advisories/GHSA-f82v-jwr5-mffw',
  severity: 'critical',
  cwe: ['CWE-285'],
  cvss: { score: 9.1, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N' },
  range: '>=15.0.0 <15.2.3',
};

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) } },
});

const withCritical = file(
  report(
    {
      next: { name: 'next', severity: 'critical', isDirect: true, via: [middlewareBypass], effects: ['next-auth'], range: '15.0.0 - 15.2.2', nodes: ['node_modules/next'], fixAvailable: true },
      // A dependent is listed with the dependency's name in `via`: the advisory is counted once.
      'next-auth': { name: 'next-auth', severity: 'critical', isDirect: true, via: ['next'], effects: [], range: '*', nodes: ['node_modules/next-auth'], fixAvailable: true },
    },
    { critical: 2 },
  ),
);

const moderateOnly = file(
  report(
    {
      postcss: {
        name: 'postcss',
        severity: 'moderate',
        isDirect: false,
        via: [{ source: 1094544, name: 'postcss', dependency: 'postcss', title: 'PostCSS line return parsing error', url: 'https://github.com/advisories/GHSA-7fh5-64p2-3v2j', severity: 'moderate', range: '<8.4.31' }],
        effects: [],
        range: '<8.4.31',
        nodes: ['node_modules/postcss'],
        fixAvailable: true,
      },
    },
    { moderate: 1 },
  ),
);

const emptyList = file({ allow: [] });
const reason = 'We never run middleware as an auth gate: every dashboard route checks the session itself.';

describe('npm audit in CI', () => {
  it('fails on a critical advisory that is not on the allow-list, naming it and its package', () => {
    const { code, out } = audit(['--report', withCritical, '--allowlist', emptyList]);
    expect(code).toBe(1);
    expect(out).toContain('BLOCKING: critical GHSA-f82v-jwr5-mffw in next');
    expect(out).toContain('1 high or critical advisories, 1 not allowed');
  });

  it('passes when that advisory is allowed with a written reason, and prints the reason', () => {
    const { code, out } = audit(['--report', withCritical, '--allowlist', file({ allow: [{ id: 'GHSA-f82v-jwr5-mffw', package: 'next', reason }] })]);
    expect(code).toBe(0);
    expect(out).toContain(`allowed: critical GHSA-f82v-jwr5-mffw in next (Authorization Bypass in Next.js Middleware): ${reason}`);
  });

  it('refuses an allow-list entry without a written reason, even when it matches', () => {
    for (const bad of ['', 'ok', 'false positive']) {
      const { code, out } = audit(['--report', withCritical, '--allowlist', file({ allow: [{ id: 'GHSA-f82v-jwr5-mffw', package: 'next', reason: bad }] })]);
      expect(code, `reason ${JSON.stringify(bad)}`).toBe(1);
      expect(out).toContain('needs a written "reason"');
    }
  });

  it('stops counting an entry after its expiry date', () => {
    const { code, out } = audit(['--report', withCritical, '--allowlist', file({ allow: [{ id: 'GHSA-f82v-jwr5-mffw', package: 'next', reason, expires: '2020-01-01' }] })]);
    expect(code).toBe(1);
    expect(out).toContain('expired on 2020-01-01');
  });

  it('lets moderate and low advisories through', () => {
    const { code, out } = audit(['--report', moderateOnly, '--allowlist', emptyList]);
    expect(code).toBe(0);
    expect(out).toContain('0 high or critical advisories, 0 not allowed (all severities: 0 critical, 0 high, 1 moderate, 0 low)');
  });

  it('says plainly that the audit endpoint could not be reached, and does not fail for that alone', () => {
    // The real npm, pointed at a registry that refuses connections.
    const { code, out } = audit(['--allowlist', emptyList], { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' });
    expect(out).toContain('could not reach the audit endpoint, so no advisories were checked');
    expect(code).toBe(0);
  });

  it('still fails on a broken allow-list when the endpoint cannot be reached', () => {
    const { code, out } = audit(['--allowlist', file({ allow: [{ id: 'GHSA-f82v-jwr5-mffw', package: 'next' }] })], { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' });
    expect(out).toContain('could not reach the audit endpoint');
    expect(code).toBe(1);
  });

  it('checks the committed allow-list: every entry has its reason', () => {
    const { code, out } = audit(['--report', moderateOnly]);
    expect(out).not.toContain('allow-list:');
    expect(code).toBe(0);
  });
});
