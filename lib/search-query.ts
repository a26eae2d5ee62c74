import { dateFormat } from './dates';

// The pure half of site search: what a person typed made safe to search for, the words of the
// prefix fallback, the date filters, and the highlighted runs the results are shown with. The SQL
// that runs a search is in db/queries/search.ts; the window of newest days in lib/search-window.ts.
// See docs/decisions/2026-11-28-site-search.md.

export const SEARCH_MAX_QUERY_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 25;

/**
 * Private-use characters that mark highlighted words in ts_headline's output. normaliseQuery
 * strips them from what a person typed, and the search strips them from articles, so only the
 * search's own marks reach toSegments.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

// ---------------------------------------------------------------------------------------------
// Input

export type NormalisedQuery = { text: string; trimmed: boolean };

/**
 * What a person typed, made safe to search for: one string (the first, if the URL repeated the
 * parameter), no NUL or other control characters, no broken surrogate pairs, Unicode NFC, single
 * spaces, and at most SEARCH_MAX_QUERY_LENGTH characters (cut at a word break where there is one).
 */
export function normaliseQuery(raw: unknown): NormalisedQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== 'string') return { text: '', trimmed: false };
  // Long input is cut before any work on it, so 10,000 characters cost no more than 200.
  const head = first.length > SEARCH_MAX_QUERY_LENGTH * 8 ? first.slice(0, SEARCH_MAX_QUERY_LENGTH * 8) : first;
  const clean = head
    .toWellFormed()
    .replace(/[\u0000-\u001f\u007f-\u009f\uE000\uE001\uFFFD]/g, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  if (chars.length <= SEARCH_MAX_QUERY_LENGTH && head.length === first.length) return { text: clean, trimmed: false };
  let cut = chars.slice(0, SEARCH_MAX_QUERY_LENGTH).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (chars.length > SEARCH_MAX_QUERY_LENGTH && lastSpace > SEARCH_MAX_QUERY_LENGTH * 0.75) cut = cut.slice(0, lastSpace);
  return { text: cut.trim(), trimmed: true };
}

/** The page of results asked for: a whole number from 1 to SEARCH_MAX_PAGE, 1 for anything else. */
export function searchPageNumber(raw: unknown): number {
  return Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.floor(Number(raw) || 1)));
}

/** The words of a search to look for as prefixes: positive words of 3 to 60 letters or digits, at most 8. */
export function prefixWords(text: string): string[] {
  const positive = text.replace(/(^|\s)-\S+/g, ' ').replace(/\bOR\b/g, ' ');
  const words = (positive.match(/[\p{L}\p{N}]+/gu) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => Array.from(w).length >= 3 && Array.from(w).length <= 60);
  return [...new Set(words)].slice(0, 8);
}

/** A yyyy-mm-dd date that exists, or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return value;
}

/** The instant a calendar day starts in a time zone. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const offsetAt = (ms: number) => {
    const parts = dateFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

// ---------------------------------------------------------------------------------------------
// What PostgreSQL made of the query (the text of a tsquery)

export type SearchProblem =
  /** Nothing to search for. */
  | 'empty'
  /** Only words too common to search for ("the", "and") or only punctuation. */
  | 'stopwords'
  /** Only words to leave out ("-budget"): there is nothing to look for. */
  | 'negative-only'
  /** PostgreSQL could not read the query at all. */
  | 'unreadable';

/**
 * Why a parsed query cannot be searched for, from numnode() (how many nodes are left after stop
 * words) and querytree() (what an index can look for; 'T' means only negations are left).
 */
export function tsqueryProblem({ nodes, tree }: { nodes: number; tree: string }): SearchProblem | null {
  if (nodes === 0) return 'stopwords';
  if (tree === 'T') return 'negative-only';
  return null;
}

/** The first word the query looks for (not one it leaves out), as a lexeme: where the snippet starts looking. */
export function firstLexeme(tsqueryText: string): string {
  const m = /(?:^|[^!])'((?:[^']|'')+)'/.exec(tsqueryText);
  return m ? m[1]!.replace(/''/g, "'") : '';
}

/**
 * A tsquery with its phrase operators (<->, <2>) turned into AND, for ranking: the match has
 * already checked the words' order, and ranking a phrase costs ts_rank_cd about 100 µs a row.
 */
export function phraseAsWords(tsqueryText: string): string {
  return tsqueryText.replace(/ <(?:-|\d+)> /g, ' & ');
}

// ---------------------------------------------------------------------------------------------
// Results

/** A run of text, highlighted when `mark` is true (rendered as <mark>; never as HTML). */
export type Segment = { text: string; mark: boolean };

/** Splits ts_headline output at the markers into plain and highlighted runs. */
export function toSegments(marked: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  let text = '';
  const push = () => {
    if (!text) return;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
    text = '';
  };
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      push();
      mark = ch === MARK_START;
    } else {
      text += ch;
    }
  }
  push();
  return out;
}
