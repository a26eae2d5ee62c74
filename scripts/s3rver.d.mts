// Types for scripts/s3rver.mjs.
export type S3rverHandle = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The folder holding the objects. */
  dir: string;
  /** MEDIA_S3_BUCKET, MEDIA_S3_ENDPOINT, MEDIA_S3_REGION, MEDIA_S3_ACCESS_KEY_ID, MEDIA_S3_SECRET_ACCESS_KEY, MEDIA_S3_FORCE_PATH_STYLE */
  env: Record<'MEDIA_S3_BUCKET' | 'MEDIA_S3_ENDPOINT' | 'MEDIA_S3_REGION' | 'MEDIA_S3_ACCESS_KEY_ID' | 'MEDIA_S3_SECRET_ACCESS_KEY' | 'MEDIA_S3_FORCE_PATH_STYLE', string>;
  /** Closes the server (and its open connections); removes the folder only if startS3rver made it. */
  stop: () => Promise<void>;
};
export function startS3rver(options?: { port?: number; dir?: string; bucket?: string }): Promise<S3rverHandle>;
