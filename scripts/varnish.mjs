// Starts Varnish (Debian's varnishd, with the xkey module from varnish-modules) in front of one or
// more backends with the project's VCL (deploy/varnish/broadsheet.vcl), on its own port and working
// folder, in its own process group so its CPU can be measured. Used by the benchmarks, the fleet
// (scripts/fleet.mjs) and the tests. Returns null when varnishd is not installed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VARNISHD = ['/usr/sbin/varnishd', '/usr/bin/varnishd'].find((p) => fs.existsSync(p));

export const varnishInstalled = Boolean(VARNISHD);

/** The project's VCL with its backends and purgers blocks written for these addresses. */
export function fleetVcl({ backendUrls, purgers = ['127.0.0.1', '::1'], probe = true }) {
  const source = fs.readFileSync(path.join(import.meta.dirname, '..', 'deploy', 'varnish', 'broadsheet.vcl'), 'utf8');
  const backends = backendUrls.map((url, i) => {
    const u = new URL(url);
    const lines = [
      `backend app${i + 1} {`,
      `  .host = ${JSON.stringify(u.hostname)};`,
      `  .port = ${JSON.stringify(u.port || '80')};`,
      '  .connect_timeout = 2s;',
      '  .first_byte_timeout = 30s;',
    ];
    if (probe) lines.push('  .probe = {', '    .url = "/api/health?live=1";', '    .interval = 1s;', '    .timeout = 1s;', '    .window = 3;', '    .threshold = 2;', '    .initial = 2;', '  }');
    lines.push('}');
    return lines.join('\n');
  });
  const block = `${backends.join('\n\n')}\n\nsub vcl_init {\n  new fleet = directors.round_robin();\n${backendUrls.map((_, i) => `  fleet.add_backend(app${i + 1});`).join('\n')}\n}\n`;
  const acl = `acl purgers {\n${purgers.map((p) => `  ${JSON.stringify(p)};`).join('\n')}\n}\n`;
  return source
    .replace(/# BEGIN BACKENDS[^\n]*\n[\s\S]*?# END BACKENDS/, `# BEGIN BACKENDS\n${block}# END BACKENDS`)
    .replace(/# BEGIN PURGERS[^\n]*\n[\s\S]*?# END PURGERS/, `# BEGIN PURGERS\n${acl}# END PURGERS`);
}

export async function startVarnish({ backendUrl, backendUrls, purgers, probe, port = Number(process.env.BENCH_VARNISH_PORT ?? 3106) }) {
  if (!VARNISHD) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-varnish-'));
  fs.chmodSync(dir, 0o755); // varnishd run as root reads the VCL as its own unprivileged user.
  // A single test backend (a plain HTTP server) has no health route: no probe unless asked.
  const vcl = fleetVcl({ backendUrls: backendUrls ?? [backendUrl], purgers, probe: probe ?? Boolean(backendUrls) });
  fs.writeFileSync(path.join(dir, 'broadsheet.vcl'), vcl);
  const child = spawn(VARNISHD, ['-F', '-a', `127.0.0.1:${port}`, '-f', path.join(dir, 'broadsheet.vcl'), '-n', path.join(dir, 'work'), '-s', 'malloc,256m'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url, { method: 'HEAD' });
      return { url, pid: child.pid, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stop();
  throw new Error(`varnishd did not start: ${output.slice(-500)}`);
}
