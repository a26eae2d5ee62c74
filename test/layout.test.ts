// The layout's rules bite: each import rule of .dependency-cruiser.cjs, the client-file check and
// the generated list of top-level paths are tried on a small tree made for the test, once kept
// and once broken. The real tree is checked by `npm run lint:layout` (in `npm test` and CI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { checkClientFiles } from '../scripts/check-client-files.mjs';
// @ts-expect-error: a plain ES module script without type declarations
import { appTopLevelPaths, generatedSource } from '../scripts/app-paths.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const made: string[] = [];

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react-jsx', moduleResolution: 'bundler', module: 'esnext', paths: { '@/*': ['./*'] } } }));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The names of the rules dependency-cruiser reports broken for a tree. */
function brokenRules(files: Record<string, string>): string[] {
  const dir = tree(files);
  const folders = ['app', 'components', 'lib', 'server', 'db'].filter((f) => fs.existsSync(path.join(dir, f)));
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'depcruise'), [...folders, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { summary: { violations: { rule: { name: string } }[] } };
  return [...new Set(report.summary.violations.map((v) => v.rule.name))].sort();
}

const base = {
  'lib/urls.ts': "export const url = (s: string) => `/${s}`;\n",
  'db/client.ts': "import { url } from '../lib/urls';\nexport const db = url('x');\n",
  'server/log.ts': "import { db } from '../db/client';\nexport const log = db;\n",
};

describe('import rules (.dependency-cruiser.cjs)', () => {
  it('passes a tree that keeps every rule, type-only imports from the server side included', () => {
    expect(
      brokenRules({
        ...base,
        'components/ui/badge.tsx': "import { url } from '@/lib/urls';\nexport const Badge = () => url('b');\n",
        'components/dashboard/form.tsx': "'use client';\nimport type { db } from '@/db/client';\nexport type Db = typeof db;\n",
        'app/page.tsx': "import { log } from '@/server/log';\nimport { Badge } from '@/components/ui/badge';\nexport default () => [log, Badge];\n",
      }),
    ).toEqual([]);
  });

  const cases: [string, Record<string, string>][] = [
    ['lib-is-pure', { 'lib/bad.ts': "import { db } from '../db/client';\nexport const x = db;\n" }],
    ['lib-is-pure', { 'lib/bad.ts': "import fs from 'node:fs';\nexport const x = fs;\n" }],
    ['db-below-server', { 'db/bad.ts': "import { log } from '../server/log';\nexport const x = log;\n" }],
    ['server-below-app', { 'server/bad.ts': "import Page from '../app/page';\nexport const x = Page;\n", 'app/page.tsx': 'export default () => null;\n' }],
    ['ui-is-presentational', { 'components/ui/bad.tsx': "import { db } from '@/db/client';\nexport const x = db;\n" }],
    ['client-takes-types-only', { 'components/dashboard/bad.tsx': "'use client';\nimport { db } from '@/db/client';\nexport const x = db;\n" }],
    ['client-no-server-packages', { 'components/comments/bad.tsx': "'use client';\nimport postgres from 'postgres';\nexport const x = postgres;\n" }],
    ['client-no-server-packages', { 'components/dashboard/bad.tsx': "'use client';\nimport { S3Client } from '@aws-sdk/client-s3';\nexport const x = S3Client;\n" }],
    ['routes-on-top', { 'components/site/bad.tsx': "import Page from '@/app/page';\nexport const x = Page;\n", 'app/page.tsx': 'export default () => null;\n' }],
    ['no-folder-cycles', { 'lib/a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'lib/b.ts': "import { a } from './a';\nexport const b = () => a;\n" }],
  ];
  it.each(cases)('reports %s when it is broken', (rule, files) => {
    expect(brokenRules({ ...base, ...files })).toContain(rule);
  });
});

describe("'use client' files (scripts/check-client-files.mjs)", () => {
  it('accepts client files in the client folders and error boundaries in app/', () => {
    const dir = tree({ 'components/comments/island.tsx': "// why\n'use client';\nexport {};\n", 'app/(site)/error.tsx': "'use client';\nexport {};\n", 'components/site/card.tsx': 'export {};\n' });
    expect(checkClientFiles(dir)).toEqual({ clients: ['app/(site)/error.tsx', 'components/comments/island.tsx'], problems: [] });
  });

  it('fails on a client file outside the client folders and on a server file inside them', () => {
    const dir = tree({ 'app/(site)/page.tsx': "'use client';\nexport {};\n", 'components/dashboard/helpers.ts': 'export {};\n' });
    const { problems } = checkClientFiles(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^app\/\(site\)\/page\.tsx: 'use client' outside/);
    expect(problems[1]).toMatch(/^components\/dashboard\/helpers\.ts: not a client file/);
  });
});

describe('top-level paths (scripts/app-paths.mjs)', () => {
  it('reads a new plain page, route groups, metadata files and public/ from the tree', () => {
    const dir = tree({
      'app/(site)/newsletter/page.tsx': '',
      'app/(site)/[section]/page.tsx': '',
      'app/(site)/_parts/x.tsx': '',
      'app/robots.ts': '',
      'app/feeds/all.xml/route.ts': '',
      'app/empty/readme.md': '',
      'public/demo/a.svg': '',
    });
    expect(appTopLevelPaths(dir)).toEqual(['demo', 'feeds', 'newsletter', 'robots.txt']);
  });

  it('the committed lib/app-paths.generated.ts matches the tree (the build regenerates it)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'lib', 'app-paths.generated.ts'), 'utf8')).toBe(generatedSource());
  });
});
