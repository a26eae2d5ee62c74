import pino from 'pino';

// Structured logs. Nothing secret or personal at info level: e-mail addresses, passwords,
// cookies and tokens are redacted wherever they appear under these keys. Written to stdout
// asynchronously: lines that arrive while a write is under way go out together with the next one,
// instead of one blocking write per line on every request; pino flushes what is left on exit.
const KEY = Symbol.for('broadsheet.logger');
type G = typeof globalThis & { [KEY]?: pino.Logger };

export function logger(): pino.Logger {
  const g = globalThis as G;
  g[KEY] ??= pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { app: 'broadsheet' },
      redact: {
        paths: ['email', '*.email', 'authorEmail', '*.authorEmail', 'password', '*.password', 'cookie', '*.cookie', 'authorization', 'token', '*.token'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: false }),
  );
  return g[KEY];
}
