// Starts Varnish (Debian's varnishd) in front of a backend with the project's VCL
// (deploy/varnish/broadsheet.vcl), on its own port and working folder, in its own process group so
// its CPU can be measured. Used by the reader benchmark and server/cache/http-purge.test.ts. Returns null
// when varnishd is not installed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VARNISHD = ['/usr/sbin/varnishd', '/usr/bin/varnishd'].find((p) => fs.existsSync(p));

export const varnishInstalled = Boolean(VARNISHD);

export async function startVarnish({ backendUrl, port = Number(process.env.BENCH_VARNISH_PORT ?? 3106) }) {
  if (!VARNISHD) return null;
  const backend = new URL(backendUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-varnish-'));
  fs.chmodSync(dir, 0o755); // varnishd run as root reads the VCL as its own unprivileged user.
  const vcl = fs
    .readFileSync(path.join(import.meta.dirname, '..', 'deploy', 'varnish', 'broadsheet.vcl'), 'utf8')
    .replace('"BACKEND_HOST"', JSON.stringify(backend.hostname))
    .replace('"BACKEND_PORT"', JSON.stringify(backend.port));
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
