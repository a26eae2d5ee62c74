// `npm start`: build if needed, then serve the production app on PORT (default 3000).
// With no DATABASE_URL the data lives in ./data/pglite; it is migrated and, when empty, filled
// with the demo newspaper at start-up (instrumentation.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();

const port = process.env.PORT ?? '3000';
const child = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
console.log(`Broadsheet: http://localhost:${port} (${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : 'embedded database in ./data/pglite'})`);
