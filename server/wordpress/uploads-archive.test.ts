import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../../test/support/zip-writer';
import { unpackUploadsArchive, UploadsArchiveError } from './uploads-archive';

// The uploads folder as an archive, on real archives made here: unpacked as a stream into a
// folder of ours, with its uploads root found; names that would leave the folder and archives
// that unpack too large are refused with a message.

const uploads = path.resolve(import.meta.dirname, '../../test/fixtures/wordpress/uploads');
let work: string;
let n = 0;
const fresh = () => path.join(work, `out-${++n}`);
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

async function refusal(archive: string, dest: string, maxBytes?: number): Promise<UploadsArchiveError> {
  try {
    await unpackUploadsArchive(archive, dest, { maxBytes });
  } catch (error) {
    if (error instanceof UploadsArchiveError) return error;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'uploads-archive-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an uploads archive', () => {
  it('a zip of wp-content/uploads unpacks byte for byte, and its root is the folder with the years', async () => {
    const jpg = await readFile(path.join(uploads, '2024/03/harbour-lights.jpg'));
    const png = await readFile(path.join(uploads, '2024/03/slipway.png'));
    const zip = path.join(work, 'uploads.zip');
    await writeFile(zip, makeZip([{ name: 'wp-content/', directory: true }, { name: 'wp-content/uploads/2024/03/harbour-lights.jpg', data: jpg }, { name: 'wp-content/uploads/2024/03/slipway.png', data: png }]));
    const dest = fresh();
    const result = await unpackUploadsArchive(zip, dest);
    expect(result.root).toBe(path.join(dest, 'wp-content', 'uploads'));
    expect(files(result.root)).toEqual(['2024/03/harbour-lights.jpg', '2024/03/slipway.png']);
    expect((await readFile(path.join(result.root, '2024/03/harbour-lights.jpg'))).equals(jpg)).toBe(true);
    expect(result.bytes).toBe(jpg.length + png.length);
  });

  it('a .tar.gz made from inside the uploads folder unpacks, its root the folder itself', async () => {
    const tgz = path.join(work, 'uploads.tar.gz');
    await createTar({ gzip: true, file: tgz, cwd: uploads }, ['2024']);
    const dest = fresh();
    const result = await unpackUploadsArchive(tgz, dest);
    expect(result.root).toBe(dest);
    expect(files(dest)).toEqual(['2024/03/harbour-lights.jpg', '2024/03/slipway.png']);
    expect((await readFile(path.join(dest, '2024/03/slipway.png'))).equals(await readFile(path.join(uploads, '2024/03/slipway.png')))).toBe(true);
  });

  it('a zip entry with ../ in its name (zip slip) is refused and nothing lands outside the folder', async () => {
    const zip = path.join(work, 'slip.zip');
    await writeFile(zip, makeZip([{ name: '2024/ok.txt', data: Buffer.from('fine') }, { name: '../../escaped.txt', data: Buffer.from('escaped') }]));
    const dest = fresh();
    const error = await refusal(zip, dest);
    expect(error.message).toContain('outside its folder');
    expect(existsSync(path.join(work, 'escaped.txt'))).toBe(false);
    expect(existsSync(path.resolve(dest, '../../escaped.txt'))).toBe(false);
  });

  it('a zip entry with an absolute path is refused', async () => {
    const zip = path.join(work, 'absolute.zip');
    const target = path.join(work, 'absolute-target.txt');
    await writeFile(zip, makeZip([{ name: target, data: Buffer.from('escaped') }]));
    const error = await refusal(zip, fresh());
    expect(error.message).toContain('absolute path');
    expect(existsSync(target)).toBe(false);
  });

  it('a tar.gz entry with ../ in its name is refused and nothing lands outside the folder', async () => {
    const inner = path.join(work, 'tar-src', 'inner');
    await rm(path.dirname(inner), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(inner, { recursive: true }));
    await writeFile(path.join(work, 'tar-src', 'evil.txt'), 'escaped');
    const tgz = path.join(work, 'slip.tar.gz');
    // preservePaths keeps the ../ in the entry's name, as a hostile archive would have it.
    await createTar({ gzip: true, file: tgz, cwd: inner, preservePaths: true }, ['../evil.txt']);
    const dest = path.join(work, 'tar-out', 'dest');
    const error = await refusal(tgz, dest);
    expect(error.message).toContain('outside its folder');
    expect(existsSync(path.join(work, 'tar-out', 'evil.txt'))).toBe(false);
  });

  it('an archive that unpacks to more than the cap is stopped with a message', async () => {
    const big = Buffer.alloc(300_000, 7); // compresses to almost nothing
    const zip = path.join(work, 'bomb.zip');
    await writeFile(zip, makeZip([{ name: '2024/a.bin', data: big }, { name: '2024/b.bin', data: big }]));
    expect((await refusal(zip, fresh(), 500_000)).message).toContain('unpacks to more than');
    const src = path.join(work, 'bomb-src');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(src, '2024'), { recursive: true }));
    await writeFile(path.join(src, '2024', 'a.bin'), big);
    await writeFile(path.join(src, '2024', 'b.bin'), big);
    const tgz = path.join(work, 'bomb.tar.gz');
    await createTar({ gzip: true, file: tgz, cwd: src }, ['2024']);
    expect((await refusal(tgz, fresh(), 500_000)).message).toContain('unpacks to more than');
    // Under the cap, the same archives unpack.
    expect((await unpackUploadsArchive(tgz, fresh(), { maxBytes: 700_000 })).bytes).toBe(600_000);
  });

  it('a file that is neither zip nor tar.gz, or a damaged zip, is refused with a message', async () => {
    const text = path.join(work, 'uploads.zip.txt');
    await writeFile(text, 'not an archive');
    expect((await refusal(text, fresh())).message).toContain('neither a .zip nor a .tar.gz');
    const zip = makeZip([{ name: '2024/a.txt', data: Buffer.from('hello hello hello') }]);
    const cut = path.join(work, 'cut.zip');
    await writeFile(cut, zip.subarray(0, zip.length - 30));
    expect((await refusal(cut, fresh())).message).toMatch(/not a zip file|damaged/);
  });
});
