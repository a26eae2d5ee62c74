// An S3-compatible server for tests and for running several instances on one machine: s3rver
// (npm, a dev dependency) on a loopback port, its objects in a folder, with one bucket ready.
// Used by the media storage tests (server/media/*.test.ts) and by fleet recipes, which hand
// `env` to every instance so they all read and write the same bucket.
//
//   import { startS3rver } from './scripts/s3rver.mjs';
//   const s3 = await startS3rver({ port: 0, dir: '/tmp/somewhere' });  // port 0: any free port
//   ... s3.endpoint, s3.bucket, s3.env ...
//   await s3.stop();
//
// From a shell: `node scripts/s3rver.mjs [--port 4568] [--dir <folder>] [--bucket <name>]` runs it
// until Ctrl-C and prints the MEDIA_S3_* lines to export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import S3rver from 's3rver';

// s3rver's one built-in account.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';
const REGION = 'us-east-1';

/**
 * Starts s3rver on 127.0.0.1:`port` (0 picks a free port) storing objects under `dir` (a new
 * temporary folder when omitted, removed again by stop(); a given folder is kept, so a restart on
 * the same folder serves the same objects). Resolves once it accepts requests.
 */
export async function startS3rver({ port = 0, dir, bucket = 'broadsheet-media' } = {}) {
  const own = !dir;
  const directory = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-s3rver-'));
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // Connections kept alive by SDK clients would hold close() open: end them.
    server.httpServer?.closeAllConnections?.();
    await server.close();
    if (own) fs.rmSync(directory, { recursive: true, force: true });
  };
  return {
    endpoint,
    port: address.port,
    bucket,
    region: REGION,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    dir: directory,
    /** The settings that point Broadsheet's media storage at this server. */
    env: {
      MEDIA_S3_BUCKET: bucket,
      MEDIA_S3_ENDPOINT: endpoint,
      MEDIA_S3_REGION: REGION,
      MEDIA_S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      MEDIA_S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      MEDIA_S3_FORCE_PATH_STYLE: 'true',
    },
    stop,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
  };
  const s3 = await startS3rver({ port: Number(option('--port', 4568)), dir: option('--dir', undefined), bucket: option('--bucket', undefined) });
  console.log(`s3rver on ${s3.endpoint}, bucket ${s3.bucket}, objects in ${s3.dir}`);
  for (const [k, v] of Object.entries(s3.env)) console.log(`export ${k}=${v}`);
  const quit = () => s3.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
