import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3rver, type S3rverHandle } from '@/scripts/s3rver.mjs';
import { mediaCropSrc, mediaFilePath, mediaStoreKind, MediaStoreUnavailableError, readMediaFile, removeMediaFiles, s3MediaConfig, statMediaFile, trackMediaWrites, writeMediaFile } from './storage';

// The media store, in both of its forms: the local folder (the default) and an S3 bucket on a real
// S3-compatible server (s3rver, started here on a loopback port). What callers rely on: the bytes
// come back exactly, a missing file is null (not an error), an unreachable store is an error of its
// own kind, and a second instance pointed at the same bucket reads what the first one wrote.

let tmp: string;
let s3: S3rverHandle;
const S3_KEYS = ['MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_REGION', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY', 'MEDIA_S3_FORCE_PATH_STYLE', 'MEDIA_S3_PREFIX'];

function useLocal() {
  for (const k of S3_KEYS) delete process.env[k];
  process.env.MEDIA_DIR = path.join(tmp, 'local');
}
function useS3(env: Record<string, string> = s3.env) {
  for (const k of S3_KEYS) delete process.env[k];
  Object.assign(process.env, env);
}
/** What an instance that never wrote anything sees: the store is chosen afresh from the settings. */
function asAnotherInstance() {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.mediaStore')];
}

let n = 0;
const src = (ext = 'jpg') => `/media/2026/12/t${Date.now().toString(36)}${++n}.${ext}`;
const noise = (size: number) => crypto.randomBytes(size);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-store-test-'));
  s3 = await startS3rver({ port: 0, dir: path.join(tmp, 's3') });
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each([
  ['the local folder', useLocal, 'local'],
  ['an S3 bucket', () => useS3(), 's3'],
] as const)('media in %s', (_name, use, kind) => {
  beforeEach(use);

  it('is the store the settings choose', () => {
    expect(mediaStoreKind()).toBe(kind);
  });

  it('gives back exactly the bytes written, with type, content ETag and date', async () => {
    const at = src();
    const bytes = noise(300_000);
    await writeMediaFile(at, bytes);
    const read = await readMediaFile(at);
    expect(read).not.toBeNull();
    expect(Buffer.compare(read!.bytes, bytes)).toBe(0);
    expect(read!.contentType).toBe('image/jpeg');
    // The MD5 of the content in either store: the same file has the same ETag everywhere.
    expect(read!.etag).toBe(`"${crypto.createHash('md5').update(bytes).digest('hex')}"`);
    expect(Math.abs(read!.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    const stat = await statMediaFile(at);
    expect(stat).toMatchObject({ size: bytes.length, contentType: 'image/jpeg' });
  });

  it('answers null for a file that is not there, and for a path that is not ours', async () => {
    expect(await readMediaFile(src('png'))).toBeNull();
    expect(await statMediaFile(src('png'))).toBeNull();
    expect(await readMediaFile('/media/../../etc/passwd')).toBeNull();
    expect(await readMediaFile('/elsewhere/x.jpg')).toBeNull();
    await expect(writeMediaFile('/media/2026/%2e%2e/x.jpg', Buffer.from('x'))).rejects.toThrow(/Unsafe media path/);
  });

  it('removes files, their social crops with them; removing what is gone is no error', async () => {
    const a = src();
    const b = src('webp');
    const crop = mediaCropSrc(a, '16x9')!;
    await writeMediaFile(a, noise(1000));
    await writeMediaFile(b, noise(1000));
    await writeMediaFile(crop, noise(1000));
    await removeMediaFiles([a, b, src()]);
    expect(await readMediaFile(a)).toBeNull();
    expect(await readMediaFile(b)).toBeNull();
    expect(await readMediaFile(crop)).toBeNull();
  });

  it('tells an upload which files it wrote', async () => {
    const written: string[] = [];
    const a = src();
    const b = src('avif');
    await trackMediaWrites(written, async () => {
      await writeMediaFile(a, noise(10));
      await writeMediaFile(b, noise(10));
    });
    await writeMediaFile(src(), noise(10));
    expect(written).toEqual([a, b]);
  });
});

describe('the local folder', () => {
  beforeEach(useLocal);

  it('keeps files under MEDIA_DIR and never maps a URL outside it', async () => {
    const at = src();
    await writeMediaFile(at, Buffer.from('local bytes'));
    expect(fs.readFileSync(mediaFilePath(at)!, 'utf8')).toBe('local bytes');
    expect(mediaFilePath(at)!.startsWith(path.join(tmp, 'local') + path.sep)).toBe(true);
    expect(mediaFilePath('/media/../../etc/passwd')).toBeNull();
    expect(mediaFilePath('/media/2026/%2e%2e/x.jpg')).toBeNull();
    expect(mediaFilePath('/elsewhere/x.jpg')).toBeNull();
  });
});

describe('an S3 bucket shared by several instances', () => {
  beforeEach(() => useS3());

  it('serves every instance the same bytes: what one writes, another reads', async () => {
    const at = src('png');
    const bytes = noise(50_000);
    await writeMediaFile(at, bytes);
    asAnotherInstance();
    const read = await readMediaFile(at);
    expect(Buffer.compare(read!.bytes, bytes)).toBe(0);
    // And it is a real object in the bucket, under the file's path, with its type.
    const listed = await new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }).send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: at.slice('/media/'.length) }),
    );
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([[at.slice('/media/'.length), bytes.length]]);
  });

  it('keeps objects under MEDIA_S3_PREFIX when one is set, so papers can share a bucket', async () => {
    useS3({ ...s3.env, MEDIA_S3_PREFIX: 'gazette/' });
    const at = src();
    await writeMediaFile(at, Buffer.from('prefixed'));
    const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'gazette/2026/' }));
    expect(listed.Contents?.map((o) => o.Key)).toContain(`gazette/${at.slice('/media/'.length)}`);
    expect((await readMediaFile(at))!.bytes.toString()).toBe('prefixed');
    useS3();
    expect(await readMediaFile(at)).toBeNull();
  });

  it('an unreachable store is an error of its own kind, not a missing file', async () => {
    const down = await startS3rver({ port: 0 });
    const env = down.env;
    await down.stop();
    useS3(env);
    await expect(readMediaFile(src())).rejects.toBeInstanceOf(MediaStoreUnavailableError);
    await expect(statMediaFile(src())).rejects.toBeInstanceOf(MediaStoreUnavailableError);
    await expect(writeMediaFile(src(), Buffer.from('x'))).rejects.toBeInstanceOf(MediaStoreUnavailableError);
    await expect(removeMediaFiles([src()])).rejects.toBeInstanceOf(MediaStoreUnavailableError);
  });

  it('half a key pair is a store that cannot be used, with the reason, not a crash', async () => {
    useS3({ ...s3.env, MEDIA_S3_SECRET_ACCESS_KEY: '' });
    await expect(readMediaFile(src())).rejects.toThrow(MediaStoreUnavailableError);
    await expect(readMediaFile(src())).rejects.toThrow(/both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY/);
  });

  it('a bucket that does not exist is a broken store, not a missing file', async () => {
    useS3({ ...s3.env, MEDIA_S3_BUCKET: 'no-such-bucket' });
    await expect(readMediaFile(src())).rejects.toBeInstanceOf(MediaStoreUnavailableError);
  });

  it('comes back with its objects when the server restarts on the same folder', async () => {
    const dir = path.join(tmp, 'restart');
    const first = await startS3rver({ port: 0, dir });
    useS3(first.env);
    const at = src();
    await writeMediaFile(at, Buffer.from('survives a restart'));
    await first.stop();
    await expect(readMediaFile(at)).rejects.toBeInstanceOf(MediaStoreUnavailableError);
    const again = await startS3rver({ port: first.port, dir });
    try {
      expect((await readMediaFile(at))!.bytes.toString()).toBe('survives a restart');
    } finally {
      await again.stop();
    }
  });
});

describe('settings (s3MediaConfig)', () => {
  it('stays local without a bucket, and reads the S3 settings when one is named', () => {
    expect(s3MediaConfig({})).toBeNull();
    expect(
      s3MediaConfig({ MEDIA_S3_BUCKET: 'paper', MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000', MEDIA_S3_FORCE_PATH_STYLE: 'true', MEDIA_S3_ACCESS_KEY_ID: 'id', MEDIA_S3_SECRET_ACCESS_KEY: 'secret', MEDIA_S3_PREFIX: 'media' }),
    ).toEqual({ bucket: 'paper', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, prefix: 'media/', credentials: { accessKeyId: 'id', secretAccessKey: 'secret' } });
    expect(s3MediaConfig({ MEDIA_S3_BUCKET: 'paper', MEDIA_S3_REGION: 'eu-west-1' })).toMatchObject({ region: 'eu-west-1', endpoint: undefined, forcePathStyle: false, prefix: '', credentials: undefined });
  });

  it('refuses half a key pair', () => {
    expect(() => s3MediaConfig({ MEDIA_S3_BUCKET: 'paper', MEDIA_S3_ACCESS_KEY_ID: 'id' })).toThrow(/both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY/);
  });
});
