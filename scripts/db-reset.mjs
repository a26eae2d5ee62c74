// `npm run db:reset`: deletes the embedded database folder, refusing while a process holds it.
import fs from 'node:fs';
import path from 'node:path';

const folder = path.resolve(process.env.PGLITE_DIR ?? path.join('data', 'pglite'));
const lock = `${folder}.lock`;
if (fs.existsSync(lock)) {
  try {
    const { pid, command } = JSON.parse(fs.readFileSync(lock, 'utf8'));
    process.kill(pid, 0);
    console.error(`The embedded database in ${folder} is open in process ${pid} (${command}). Stop it first.`);
    process.exit(1);
  } catch {
    // The lock's owner is gone: the lock is stale.
  }
}
fs.rmSync(folder, { recursive: true, force: true });
fs.rmSync(lock, { force: true });
console.log(`Deleted ${folder}. The next start creates a fresh demo newspaper.`);
