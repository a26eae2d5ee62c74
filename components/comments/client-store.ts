'use client';

// The island's memory in this browser only (localStorage): the commenter's own submissions, so
// they can see their comments that await moderation, and, if they opt in, their name and e-mail.
// Nothing here is sent anywhere except the owner tokens, to the comment endpoint.
import type { ThreadOrder, ThreadResponse } from '../../lib/comments/thread-types';

const MINE = 'broadsheet:comments:mine';
const COMMENTER = 'broadsheet:commenter';
const KEEP_MS = 30 * 86_400_000;

type MineStore = Record<string, { token: string; at: number }[]>;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the comment still posts, it just is not remembered.
  }
}

export function ownTokens(articleId: number): string[] {
  const now = Date.now();
  return (read<MineStore>(MINE, {})[articleId] ?? []).filter((e) => now - e.at < KEEP_MS).map((e) => e.token);
}

export function rememberOwn(articleId: number, token: string): void {
  const store = read<MineStore>(MINE, {});
  const now = Date.now();
  const list = (store[articleId] ?? []).filter((e) => now - e.at < KEEP_MS && e.token !== token);
  store[articleId] = [...list, { token, at: now }].slice(-50);
  write(MINE, store);
}

/** Forgets own comments that were approved or removed: they no longer need a token. */
export function forgetOwn(articleId: number, ids: number[]): void {
  if (ids.length === 0) return;
  const store = read<MineStore>(MINE, {});
  const drop = new Set(ids.map(String));
  store[articleId] = (store[articleId] ?? []).filter((e) => !drop.has(e.token.split('.')[0]!));
  write(MINE, store);
}

export type Commenter = { name: string; email: string };

export function rememberedCommenter(): Commenter | null {
  const c = read<Commenter | null>(COMMENTER, null);
  return c && typeof c.name === 'string' && typeof c.email === 'string' ? c : null;
}

export function setRememberedCommenter(c: Commenter | null): void {
  write(COMMENTER, c);
}

export async function fetchThread(articleId: number, order: ThreadOrder, after: string | null): Promise<ThreadResponse> {
  const params = new URLSearchParams({ article: String(articleId), order });
  if (after) params.set('after', after);
  else {
    const mine = ownTokens(articleId);
    if (mine.length) params.set('mine', mine.join(','));
  }
  const res = await fetch(`/api/comments?${params}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error(`comments: ${res.status}`);
  const data = (await res.json()) as ThreadResponse;
  if (!after) forgetOwn(articleId, data.gone);
  return data;
}

/** 128 random bits, URL-safe: one per submission, reused when the same submission is retried. */
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
