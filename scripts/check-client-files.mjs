// Lists every 'use client' file and fails when one sits outside the client folders, or when a
// file in a client folder is not a client file. Reader pages ship only the comment island and the
// embeds' click-to-load island (components/embeds/), and what they import; the newsroom's client
// leaves live in components/dashboard/. Next requires error boundaries (error.tsx,
// global-error.tsx) to be client files, so those are allowed in app/.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT_FOLDERS = ['components/comments/', 'components/dashboard/', 'components/embeds/'];
const SCANNED = ['app', 'components', 'db', 'lib', 'server'];
const ERROR_BOUNDARY = /^app\/(.*\/)?(error|global-error)\.tsx$/;

function* sources(root, dir) {
  if (!fs.existsSync(path.join(root, dir))) return;
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* sources(root, rel);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield rel;
  }
}

/** Whether the file's first statement is the 'use client' directive (comments may precede it). */
export function isClientFile(source) {
  const code = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '');
  return /^['"]use client['"]/.test(code);
}

export function checkClientFiles(root = ROOT) {
  const clients = [];
  const problems = [];
  for (const dir of SCANNED) {
    for (const file of sources(root, dir)) {
      const client = isClientFile(fs.readFileSync(path.join(root, file), 'utf8'));
      const inClientFolder = CLIENT_FOLDERS.some((f) => file.startsWith(f));
      if (client) clients.push(file);
      if (client && !inClientFolder && !ERROR_BOUNDARY.test(file)) problems.push(`${file}: 'use client' outside ${CLIENT_FOLDERS.join(' and ')} (pages and layouts are server components; move the interactive leaf there)`);
      if (!client && inClientFolder) problems.push(`${file}: not a client file, but in a client folder (server components go in components/site/, shared pieces in components/ui/, pure code in lib/)`);
    }
  }
  return { clients, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { clients, problems } = checkClientFiles();
  console.log(`Client files (${clients.length}):\n${clients.map((f) => `  ${f}`).join('\n')}`);
  if (problems.length) {
    console.error(`\n${problems.length} misplaced file(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
}
