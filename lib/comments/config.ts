// The comment rules' durations and limits. Callers read them from the environment at call time
// (`commentRules(env)` with the process environment), so tests (and a busy site) can change them without a rebuild;
// the defaults are the real ones.

export type CommentRules = {
  /** Another comment from the same client address or e-mail within this many seconds: 429. */
  floodSeconds: number;
  /** A form posted sooner than this after it was shown is held (people need time to type). */
  minFormSeconds: number;
  /** A form token older than this is refused (the reader is asked to send again). */
  formMaxAgeSeconds: number;
  /** More than this many comments site-wide within burstWindowSeconds: new ones are held. */
  burstLimit: number;
  burstWindowSeconds: number;
  /** Client addresses and browser names are deleted from comments older than this. */
  addressRetentionDays: number;
  /** A comment refused from the plain form is kept this long for the page that shows it again. */
  refusedKeepSeconds: number;
};

export const DEFAULT_RULES: CommentRules = {
  floodSeconds: 15,
  minFormSeconds: 3,
  formMaxAgeSeconds: 2 * 24 * 3600,
  burstLimit: 30,
  burstWindowSeconds: 60,
  addressRetentionDays: 30,
  refusedKeepSeconds: 3600,
};

type Env = Record<string, string | undefined>;

function numberFromEnv(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min ? value : fallback;
}

export function commentRules(env: Env): CommentRules {
  return {
    floodSeconds: numberFromEnv(env, 'COMMENT_FLOOD_SECONDS', DEFAULT_RULES.floodSeconds, 0),
    minFormSeconds: numberFromEnv(env, 'COMMENT_MIN_FORM_SECONDS', DEFAULT_RULES.minFormSeconds, 0),
    formMaxAgeSeconds: numberFromEnv(env, 'COMMENT_FORM_MAX_AGE_SECONDS', DEFAULT_RULES.formMaxAgeSeconds, 1),
    burstLimit: numberFromEnv(env, 'COMMENT_BURST_LIMIT', DEFAULT_RULES.burstLimit, 1),
    burstWindowSeconds: numberFromEnv(env, 'COMMENT_BURST_WINDOW_SECONDS', DEFAULT_RULES.burstWindowSeconds, 1),
    addressRetentionDays: numberFromEnv(env, 'COMMENT_ADDRESS_RETENTION_DAYS', DEFAULT_RULES.addressRetentionDays, 1),
    refusedKeepSeconds: numberFromEnv(env, 'COMMENT_REFUSED_KEEP_SECONDS', DEFAULT_RULES.refusedKeepSeconds, 1),
  };
}

/** Refused plain-form comments one client address may have kept at once (older ones make way). */
export const MAX_REFUSED_PER_ADDRESS = 20;
/** Largest request body the comment endpoint reads. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_COMMENT_CHARS = 5000;
export const MAX_NAME_BYTES = 245;
export const MAX_EMAIL_BYTES = 100;
/** Comments per thread page (the first page is also in the article's HTML). */
export const THREAD_PAGE_SIZE = 50;
