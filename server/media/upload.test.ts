import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/connection';
import { auditLog, media } from '@/db/schema';
import { makeStaff } from '@/db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '@/db/testing';
import { startS3rver, type S3rverHandle } from '@/scripts/s3rver.mjs';
import { readMediaFile } from './storage';
import { acceptUpload } from './upload';

// The whole upload path (check, re-encode, store original and derivatives, record the row) against
// a real S3-compatible server and a real database: what the editor and every instance rely on.
// When the bucket does not answer, the editor is told so plainly and the library gains nothing:
// no row, no audit entry, no file left behind.

let db: Db;
let tmp: string;
let s3: S3rverHandle;
let actor: { id: number; role: 'author' };
const S3_KEYS = ['MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_REGION', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY', 'MEDIA_S3_FORCE_PATH_STYLE', 'MEDIA_S3_PREFIX'];
const useEnv = (env: Record<string, string>) => {
  for (const k of S3_KEYS) delete process.env[k];
  Object.assign(process.env, env);
};

const bucketKeys = async (handle: S3rverHandle = s3) => {
  const client = new S3Client({ region: handle.region, endpoint: handle.endpoint, forcePathStyle: true, credentials: { accessKeyId: handle.accessKeyId, secretAccessKey: handle.secretAccessKey } });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: handle.bucket }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
};

async function photoForm(name = 'harbour.jpg', width = 1300, height = 900) {
  const photo = await sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .composite([{ input: await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ffcc00' } }).png().toBuffer(), left: 100, top: 100 }])
    .jpeg()
    .withExif({ IFD0: { Artist: 'A Private Person' } })
    .toBuffer();
  const form = new FormData();
  form.set('file', new File([new Uint8Array(photo)], name, { type: 'image/jpeg' }));
  form.set('alt', 'Boats in the harbour');
  return form;
}

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  actor = { id: (await makeStaff(db, 'ada-uploader', 'author')).id, role: 'author' };
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-upload-test-'));
  s3 = await startS3rver({ port: 0, dir: path.join(tmp, 's3') });
});
afterAll(async () => {
  await s3?.stop();
  await closeTestDatabase();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.delete(media);
  await db.delete(auditLog);
});

describe('an upload into an S3 bucket', () => {
  beforeEach(() => useEnv(s3.env));

  it('stores the original and every derivative in the bucket, byte for byte what the row names', async () => {
    const before = await bucketKeys();
    const outcome = await acceptUpload(actor, await photoForm());
    expect(outcome).toMatchObject({ ok: true, width: 1300, height: 900 });
    const [row] = await db.select().from(media);
    expect(row!.src).toBe(outcome.ok && outcome.src);
    const named = [row!.src, ...row!.variants.map((v) => v.src)];
    expect(row!.variants.length).toBeGreaterThan(0);
    const added = (await bucketKeys()).filter((k) => !before.includes(k));
    expect(added).toEqual(named.map((s) => s.slice('/media/'.length)).sort());
    const original = await readMediaFile(row!.src);
    expect(original!.bytes.length).toBe(row!.bytes);
    expect((await sharp(original!.bytes).metadata()).exif).toBeUndefined();
    for (const v of row!.variants) expect((await sharp((await readMediaFile(v.src))!.bytes).metadata()).width).toBe(v.width);
  });

  it('while the bucket does not answer: a clear 503 for the editor, nothing in the library, nothing stored', async () => {
    const down = await startS3rver({ port: 0 });
    const env = down.env;
    await down.stop();
    useEnv(env);
    const outcome = await acceptUpload(actor, await photoForm('quay.jpg'));
    expect(outcome).toEqual({ ok: false, status: 503, retryAfter: 60, error: '“quay.jpg” was not saved: the image store is not answering just now. Nothing was added to the library; try again in a minute.' });
    expect(await db.select().from(media)).toEqual([]);
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  it('when the bucket fails half-way through (after the original), the files already written are removed', async () => {
    // A real S3 server behind a door that lets the first PUT through and answers 503 to the
    // later ones, as an overloaded or failing store does; deletes still pass.
    let puts = 0;
    const target = new URL(s3.endpoint);
    const door = http.createServer((req, res) => {
      if (req.method === 'PUT' && ++puts > 1) {
        req.resume();
        res.writeHead(503, { 'Content-Type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>ServiceUnavailable</Code><Message>Down</Message></Error>');
        return;
      }
      const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
    const doorPort = (door.address() as { port: number }).port;
    try {
      const before = await bucketKeys();
      useEnv({ ...s3.env, MEDIA_S3_ENDPOINT: `http://127.0.0.1:${doorPort}` });
      const outcome = await acceptUpload(actor, await photoForm('pier.jpg'));
      expect(outcome).toMatchObject({ ok: false, status: 503 });
      expect(puts).toBeGreaterThan(1);
      expect(await bucketKeys()).toEqual(before);
      expect(await db.select().from(media)).toEqual([]);
    } finally {
      door.closeAllConnections();
      await new Promise((resolve) => door.close(resolve));
    }
  });

  it('when the database refuses the row, the stored files are removed again', async () => {
    const before = await bucketKeys();
    // A staff id that does not exist: the row's foreign key fails after every file is written.
    await expect(acceptUpload({ id: 2147483000, role: 'author' }, await photoForm('gone.jpg'))).rejects.toThrow();
    expect(await bucketKeys()).toEqual(before);
    expect(await db.select().from(media)).toEqual([]);
  });

  it("refuses what is not an image before anything is stored, with the file's name", async () => {
    const before = await bucketKeys();
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('plain words, not a picture')], 'notes.jpg', { type: 'image/jpeg' }));
    expect(await acceptUpload(actor, form)).toEqual({ ok: false, status: 415, error: '“notes.jpg” is not a JPEG, PNG, WebP, AVIF or GIF image.' });
    expect(await bucketKeys()).toEqual(before);
  });
});

describe('an upload into the local folder (no bucket configured)', () => {
  it('writes the files under MEDIA_DIR and records the row', async () => {
    const dir = path.join(tmp, 'local');
    useEnv({ MEDIA_DIR: dir });
    const outcome = await acceptUpload(actor, await photoForm());
    expect(outcome.ok).toBe(true);
    const [row] = await db.select().from(media);
    for (const src of [row!.src, ...row!.variants.map((v) => v.src)]) expect(fs.existsSync(path.join(dir, ...src.slice('/media/'.length).split('/')))).toBe(true);
  });
});
