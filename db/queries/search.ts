import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../lib/domain';
import { cacheTags } from '../tags';
import { isLive } from './conditions';
import {
  firstLexeme,
  MARK_END,
  MARK_START,
  normaliseQuery,
  phraseAsWords,
  prefixWords,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  searchPageNumber,
  startOfDayInZone,
  toSegments,
  tsqueryProblem,
  type SearchProblem,
  type Segment,
} from '../../lib/search-query';
import { DAY_MS, estimatedTotal, firstWindowMs, newestWindow, roundEstimate, widenedWindowMs } from '../../lib/search-window';

// Site search on PostgreSQL full-text search. Matching uses `articles.search` (headline A,
// standfirst B, the whole body C) through its GIN index; ranking uses `articles.search_lead`
// (the same weights over the top of the story), which is small enough to stay in the row.
// Both are generated columns, so the index follows every publish, edit and withdrawal at once.
//
// Ranking blends relevance with recency: ts_rank_cd(search_lead) scaled by a factor that falls
// from 1 (today) to 0.65 (a year old) and towards 0.3 (very old). So that a common word costs no
// more at a million articles than a rare one, only its newest matches are ranked: the search index
// also holds each article's day, month and year, creator and byline (article_search_facets), so
// GIN hands back just the matches in the newest days (by one author, if asked), skipping through
// the word's long posting list. The window starts at about SEARCH_TUNING.firstWindow articles and
// widens until it holds SEARCH_TUNING.pool / 2 matches (the count is then an estimate); a window
// that would span everything ranks every match. The prefix fallback looks its prefixes up in
// search_words and searches the whole words it finds.
// What a person typed is read, and results are highlighted, by the pure lib/search-query.ts; the
// window arithmetic is lib/search-window.ts. See docs/decisions/2026-11-28-site-search.md.

/** How much work a query may do. Tests shrink these to exercise the common-word path on a few rows. */
export const SEARCH_TUNING = {
  /** How many of the newest matches a common query ranks (at least half of this). */
  pool: 300,
  /** The first window of newest articles, in articles (sized by the recent rate of publishing). */
  firstWindow: 1500,
  /** The staff list without a query counts exactly up to this many articles; beyond, the planner estimates. */
  listCountCap: 1000,
};
const YEAR_SECONDS = 31_557_600;
/**
 * The search index's second column (migration 0007): period lexemes ('pd<day>', 'pm<month>',
 * 'py<year>' of published_at; 'md', 'mm', 'my' of modified_at), 'c<id>' for the creator and the
 * bare staff ids of the byline. Written exactly as the index is, or the planner cannot use it.
 */
const FACETS = sql`article_search_facets(articles.published_at, articles.modified_at, articles.created_by, articles.byline_ids)`;
/** Articles whose facets match a tsquery of facet lexemes (the byline's "'12'", the creator's "'c12'"), through the search index. */
function hasFacet(query: string): SQL {
  return sql`${FACETS} @@ ${query}::tsquery`;
}

/** ts_headline marks matches with lib/search-query's MARK_START and MARK_END, which toSegments splits at. */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
/**
 * ts_headline parses all the text it is given, so it gets a slice: SNIPPET_SPAN characters from a
 * little before the first match of the first word (or from the top). Long articles cost no more.
 */
const SNIPPET_LEAD = 200;
const SNIPPET_SPAN = 700;
const SNIPPET_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter=" … "`;

// ---------------------------------------------------------------------------------------------
// Results

type Outcome = {
  /** The query as searched, after trimming. */
  query: string;
  trimmed: boolean;
  /** 'exact': the words as typed; 'prefix': nothing matched exactly, so words starting with them. */
  mode: 'exact' | 'prefix';
  problem: SearchProblem | null;
  total: number;
  /** True when only the newest matches were ranked: `total` is then an estimate from their share of the time. */
  totalIsEstimate: boolean;
  page: number;
  pageCount: number;
};

export type SearchHit = {
  id: number;
  path: string;
  headline: Segment[];
  snippet: Segment[];
  sectionSlug: string;
  sectionName: string;
  publishedAt: string;
};

export type SearchResult = Outcome & { hits: SearchHit[] };

export type StaffSearchHit = {
  id: number;
  headline: Segment[];
  snippet: Segment[];
  status: ArticleStatus;
  path: string | null;
  sectionName: string | null;
  modifiedAt: string;
  publishedAt: string | null;
};

export type StaffSearchResult = Outcome & { hits: StaffSearchHit[] };

// ---------------------------------------------------------------------------------------------
// The engine, shared by reader and staff search

type Row = Record<string, unknown>;
type Executor = { execute: (query: SQL) => Promise<unknown> };

/** The two drivers return rows differently; this is the one place that knows. */
async function rows<T extends Row>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type Scope = {
  /** Which articles may be found at all, with the filters. */
  where: SQL;
  /** The column recency and windows are measured on: published_at for readers, modified_at for staff. */
  time: SQL;
  /** Which of article_search_facets' period lexemes follow that column: 'p' (published_at) or 'm' (modified_at). */
  periods: 'p' | 'm';
  /** Newest instant that can match (now, or the end of the "to" day); recency is measured from here. */
  upper: Date;
  /** The rate of new articles in scope, per millisecond, for sizing the first window. */
  rate: SQL;
  /** The oldest time in scope, for scaling a window's count to an estimate of the whole. */
  oldest: SQL;

};

type Ranked = {
  id: number;
  score: number;
  total: number;
  headline: string;
  snippet: string;
  status: ArticleStatus;
  path: string | null;
  standfirst: string;
  section_slug: string | null;
  section_name: string | null;
  published_ms: number | null;
  modified_ms: number;
};

/** The columns both result lists show, from `a` (articles) and `s` (sections). */
const detailColumns = sql`a.status, a.path, a.standfirst, s.slug AS section_slug, s.name AS section_name,
  (extract(epoch FROM a.published_at) * 1000)::float8 AS published_ms,
  (extract(epoch FROM a.modified_at) * 1000)::float8 AS modified_ms`;

type Probe = { nodes: number; tree: string; text: string; rate: number | null; oldest_ms: number | null };

/**
 * Set by the first statement of a search, for the rest of its transaction (the statement itself is
 * already planned): a common word's bitmap must stay exact, not lossy, or every row in the window
 * is re-checked against the full vector; and articles are read through index bitmaps only. Left to
 * itself, the planner reads a common word's first matches by scanning the table and testing each
 * row, which decompresses every row's full vector from TOAST, a cost its model does not see
 * (350 ms instead of 3 at 100,000 articles). No parallel workers either: starting them costs more
 * (15 ms at a million articles) than the few hundred rows of a window they would share.
 */
const SEARCH_SETTINGS = sql`set_config('work_mem', '32MB', true) AS work_mem,
  set_config('enable_seqscan', 'off', true) AS seqscan, set_config('enable_indexscan', 'off', true) AS indexscan,
  set_config('max_parallel_workers_per_gather', '0', true) AS parallel`;

/**
 * One round trip: what the query means (lexemes left after stop words; whether anything is left
 * to look for once negations are set aside), and, only when there is, how quickly articles in
 * scope arrive (to size the first window) and the oldest one (to know when a window spans all).
 */
type ScopeFigures = { rate: number | null; oldest_ms: number | null };

async function probe(db: Executor, scope: Scope, tsquery: SQL, known?: ScopeFigures): Promise<Probe> {
  // The second probe of a search (the prefix fallback) reuses the first one's figures: by then the
  // settings below are in force, and the figures' queries would lose their index-only plans.
  const figures = known
    ? sql`${known.rate}::float8 AS rate, ${known.oldest_ms}::float8 AS oldest_ms`
    : sql`CASE WHEN numnode(q) > 0 AND querytree(q) <> 'T' THEN (${scope.rate})::float8 END AS rate,
          CASE WHEN numnode(q) > 0 AND querytree(q) <> 'T' THEN (extract(epoch FROM (${scope.oldest})) * 1000)::float8 END AS oldest_ms`;
  const [row] = await rows<Probe>(
    db,
    sql`SELECT numnode(q)::int AS nodes, querytree(q) AS tree, q::text AS text,
          ${figures},
          ${SEARCH_SETTINGS}
        FROM (SELECT ${tsquery} AS q) AS query`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { nodes: Number(row?.nodes ?? 0), tree: String(row?.tree ?? 'T'), text: String(row?.text ?? ''), rate: num(row?.rate), oldest_ms: num(row?.oldest_ms) };
}

async function rankWindow(
  db: Executor,
  scope: Scope,
  match: SQL,
  q: SQL,
  rankQ: SQL,
  lexeme: string,
  window: SQL,
  limit: number,
  offset: number,
  /** A window that holds fewer matches than this is widened, so its snippets (20 × ts_headline, a few ms) are not made. */
  enough = 0,
): Promise<Ranked[]> {
  const upper = sql`${scope.upper.toISOString()}::timestamptz`;
  return rows<Ranked>(
    db,
    sql`SELECT r.id, r.score::float8 AS score, r.total::int AS total,
          CASE WHEN r.total >= ${enough} THEN ts_headline('broadsheet', translate(a.headline, ${MARK_START + MARK_END}, ''), ${q}, ${HEADLINE_OPTIONS}) END AS headline,
          CASE WHEN r.total >= ${enough} THEN ts_headline('broadsheet', translate(substr(a.standfirst || E'\n' || a.body_text,
            greatest(1, strpos(lower(a.standfirst || E'\n' || a.body_text), ${lexeme}) - ${SNIPPET_LEAD}), ${SNIPPET_SPAN}),
            ${MARK_START + MARK_END}, ''), ${q}, ${SNIPPET_OPTIONS}) END AS snippet,
          ${detailColumns}
        FROM (
          SELECT articles.id, ${scope.time} AS t,
            ts_rank_cd(articles.search_lead, ${rankQ}, 32)
              * (0.3 + 0.7 / (1 + greatest(0, extract(epoch FROM (${upper} - ${scope.time}))) / ${YEAR_SECONDS})) AS score,
            count(*) OVER () AS total
          FROM articles
          WHERE ${match} ${window} AND ${scope.where}
          ORDER BY score DESC, t DESC, articles.id DESC
          LIMIT ${limit} OFFSET ${offset}
        ) r
        JOIN articles a ON a.id = r.id
        LEFT JOIN sections s ON s.id = a.section_id
        ORDER BY r.score DESC, r.t DESC, r.id DESC`,
  );
}

type EngineResult = { ranked: Ranked[]; total: number; totalIsEstimate: boolean; problem: SearchProblem | null; figures?: ScopeFigures };

async function runEngine(db: Executor, scope: Scope, tsquery: SQL, page: number, pageSize: number, known?: ScopeFigures): Promise<EngineResult> {
  const found = await probe(db, scope, tsquery, known);
  const figures = { rate: found.rate, oldest_ms: found.oldest_ms };
  const result = await rankProbed(db, scope, found, page, pageSize);
  return { ...result, figures };
}

/**
 * Ranks the matches of a probed query in `scope` and returns one page. The work is bounded by the
 * window, not by how many articles match: the newest days are asked for first (GIN intersects the
 * words with those days' lexemes, so a word in 90% of a million articles costs what a window of a
 * few hundred does), and the window widens by the density it measured until it holds enough
 * matches or would span every article in scope, when every match is ranked and counted exactly.
 */
async function rankProbed(db: Executor, scope: Scope, found: Probe, page: number, pageSize: number): Promise<EngineResult> {
  const problem = tsqueryProblem(found);
  if (problem) return { ranked: [], total: 0, totalIsEstimate: false, problem };

  const q = sql`${found.text}::tsquery`;
  const match = sql`articles.search @@ ${q}`;
  // Ranking a phrase query costs ts_rank_cd about 100 µs a row (it works through the phrase's
  // positions); the match has already checked the order, so the words alone rank it.
  const rankQ = sql`${phraseAsWords(found.text)}::tsquery`;
  const lexeme = firstLexeme(found.text);
  const offset = (page - 1) * pageSize;
  const need = offset + pageSize;
  const pool = Math.max(SEARCH_TUNING.pool, need);
  const everything = async (): Promise<EngineResult> => {
    const ranked = await rankWindow(db, scope, match, q, rankQ, lexeme, sql``, pageSize, offset);
    const total = ranked[0]?.total ?? (offset > 0 ? Number((await rankWindow(db, scope, match, q, rankQ, lexeme, sql``, 1, 0))[0]?.total ?? 0) : 0);
    return { ranked, total, totalIsEstimate: false, problem: null };
  };

  const rate = found.rate ?? 0;
  const upperMs = scope.upper.getTime();
  const oldestMs = found.oldest_ms ?? upperMs;
  let windowMs = firstWindowMs(rate, SEARCH_TUNING.firstWindow);
  for (let attempt = 0; attempt < 8; attempt++) {
    // Whole UTC days (or months, or years), as the index holds them.
    const window = newestWindow(scope.periods, windowMs, scope.upper);
    const startMs = window.startMs;
    if (startMs <= oldestMs) break;
    const lexemes = window.lexemes.map((l) => `'${l}'`).join(' | ');
    const inDays = sql`AND ${FACETS} @@ ${lexemes}::tsquery`;
    const enough = Math.max(need, Math.ceil(pool / 2));
    const ranked = await rankWindow(db, scope, match, q, rankQ, lexeme, inDays, pageSize, offset, enough);
    const inWindow = ranked[0]?.total ?? 0;
    if (inWindow >= enough) {
      return { ranked, total: estimatedTotal(inWindow, startMs, upperMs, oldestMs), totalIsEstimate: true, problem: null };
    }
    // Too few: widen by the density measured.
    windowMs = widenedWindowMs(startMs, upperMs, inWindow, pool);
  }
  return everything();
}

/** How many known words a prefix stands for at most (the shortest first: "harbo" → harbour, harbours, ...). */
const PREFIX_WORDS = 32;

/**
 * The prefix fallback's query: each word, stemmed as the index stems it, becomes the known words
 * (search_words) that begin with it, ORed ("harbo wal" → ('harbour') & ('wall' | 'wallet')), so the
 * GIN index looks up whole words and skips through them as it does for any query. Null when a
 * word begins no known word (nothing can match) or when no word is left after stop words.
 */
async function expandPrefixes(db: Executor, words: string[]): Promise<string | null> {
  if (!words.length) return null;
  const list = sql`ARRAY[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;
  const [row] = await rows<{ q: string | null }>(
    db,
    sql`WITH stems AS (
          SELECT p.n, s.stem FROM unnest(${list}) WITH ORDINALITY AS p(word, n)
          CROSS JOIN LATERAL (SELECT lexeme AS stem FROM unnest(to_tsvector('broadsheet', p.word)) LIMIT 1) s
        ), expanded AS (
          SELECT stems.n, string_agg('''' || replace(replace(w.word, '\\', '\\\\'), '''', '''''') || '''', ' | ') AS alternatives
          FROM stems CROSS JOIN LATERAL (
            SELECT sw.word FROM search_words sw
            WHERE sw.word >= stems.stem AND sw.word < stems.stem || chr(1114111)
            ORDER BY length(sw.word), sw.word LIMIT ${PREFIX_WORDS}
          ) w
          GROUP BY stems.n
        )
        SELECT CASE WHEN (SELECT count(*) FROM stems) > 0 AND (SELECT count(*) FROM expanded) = (SELECT count(*) FROM stems)
          THEN (SELECT string_agg('(' || alternatives || ')', ' & ' ORDER BY n) FROM expanded) END AS q`,
  );
  return row?.q ?? null;
}

/** How many rows the planner expects a statement to return (EXPLAIN plans it without running it). */
async function estimateRows(db: Executor, query: SQL): Promise<number> {
  const [row] = await rows<Record<string, unknown>>(db, sql`EXPLAIN (FORMAT JSON) ${query}`);
  const raw = row ? Object.values(row)[0] : null;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan?: { 'Plan Rows'?: number } }] | null;
  return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** SQLSTATEs that mean "this input cannot be searched for", not "the database is in trouble". */
function isInputError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code ?? '');
  return code.startsWith('22') || code === '42601' || code === '54000';
}

type Common = { q: unknown; page?: number };

async function search(
  input: Common,
  pageSize: number,
  scope: (db: Executor) => Scope,
): Promise<{ outcome: Omit<Outcome, 'page' | 'pageCount'> & { page: number; pageCount: number }; ranked: Ranked[] }> {
  const { text, trimmed } = normaliseQuery(input.q);
  const page = searchPageNumber(input.page);
  const base = { query: text, trimmed, page, pageCount: 0, total: 0, totalIsEstimate: false };
  if (!text) return { outcome: { ...base, mode: 'exact', problem: 'empty' }, ranked: [] };

  try {
    return await getDb().transaction(async (tx) => {
      const s = scope(tx);
      let mode: 'exact' | 'prefix' = 'exact';
      let result = await runEngine(tx, s, sql`websearch_to_tsquery('broadsheet', ${text})`, page, pageSize);
      if (!result.problem && result.total === 0) {
        const prefix = await expandPrefixes(tx, prefixWords(text));
        if (prefix) {
          const fallback = await runEngine(tx, s, sql`${prefix}::tsquery`, page, pageSize, result.figures);
          if (!fallback.problem && fallback.total > 0) {
            mode = 'prefix';
            result = fallback;
          }
        }
      }
      const pageCount = Math.min(SEARCH_MAX_PAGE, Math.ceil(result.total / pageSize));
      return {
        outcome: { ...base, mode, problem: result.problem, total: result.total, totalIsEstimate: result.totalIsEstimate, pageCount },
        ranked: result.ranked,
      };
    });
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { outcome: { ...base, mode: 'exact', problem: 'unreadable' }, ranked: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// Reader search

export type SearchInput = {
  q: unknown;
  page?: number;
  sectionId?: number | null;
  authorId?: number | null;
  /** yyyy-mm-dd, inclusive, in the publication's time zone. */
  from?: string | null;
  to?: string | null;
  timeZone: string;
};

/**
 * Reader search: published, due articles only (isLive), ranked by relevance and recency, one
 * page at a time, with highlighted headlines and snippets. Never throws for what a person typed.
 */
export async function searchArticles(input: SearchInput): Promise<SearchResult> {
  const now = new Date();
  const from = input.from ? startOfDayInZone(input.from, input.timeZone) : null;
  const toEnd = input.to ? new Date(startOfDayInZone(input.to, input.timeZone).getTime() + DAY_MS) : null;
  const upper = toEnd && toEnd < now ? toEnd : now;

  // The span of time in scope: live articles, in the section and dates asked for (both read
  // through a date index). The author filter narrows the search but not the span: the oldest of
  // one author's articles would cost a visit to each of them.
  const span = sql.join(
    [
      sql`(${isLive()})`,
      input.sectionId ? sql`articles.section_id = ${input.sectionId}` : undefined,
      from ? sql`articles.published_at >= ${from.toISOString()}::timestamptz` : undefined,
      toEnd ? sql`articles.published_at < ${toEnd.toISOString()}::timestamptz` : undefined,
    ].filter((part): part is SQL => Boolean(part)),
    sql` AND `,
  );
  const where = input.authorId ? sql`${span} AND ${hasFacet(`'${Math.trunc(input.authorId)}'`)}` : span;
  const upperSql = sql`${upper.toISOString()}::timestamptz`;
  const { outcome, ranked } = await search(input, SEARCH_PAGE_SIZE, () => ({
    where,
    time: sql`articles.published_at`,
    periods: 'p',
    upper,
    // Articles in scope (section and dates included) in the 7 days before the window's end.
    rate: sql`(SELECT count(*) FROM articles WHERE ${where} AND articles.published_at > ${upperSql} - interval '7 days') / ${7 * DAY_MS}::float8`,
    oldest: sql`(SELECT min(published_at) FROM articles WHERE ${span})`,

  }));
  const hits: SearchHit[] = ranked.map((r) => ({
    id: Number(r.id),
    path: r.path ?? '/',
    headline: toSegments(r.headline),
    snippet: toSegments(r.snippet),
    sectionSlug: r.section_slug ?? '',
    sectionName: r.section_name ?? '',
    publishedAt: new Date(Number(r.published_ms)).toISOString(),
  }));
  return { ...outcome, hits };
}

export type SearchAuthor = { id: number; slug: string; name: string };

/** Staff with at least one live article, for the author filter of the search page. */
export const listSearchAuthors = cachedQuery(
  'search-authors',
  async (): Promise<SearchAuthor[]> => {
    const found = await rows<SearchAuthor>(
      getDb(),
      sql`SELECT s.id, s.slug, s.name FROM staff s
          WHERE s.active AND EXISTS (
            SELECT 1 FROM article_authors aa JOIN articles ON articles.id = aa.article_id
            WHERE aa.staff_id = s.id AND ${isLive()})
          ORDER BY s.last_name, s.first_name, s.id`,
    );
    return found.map((a) => ({ id: Number(a.id), slug: String(a.slug), name: String(a.name) }));
  },
  () => [cacheTags.site()],
  600,
);

// ---------------------------------------------------------------------------------------------
// Staff search (the dashboard's article list)

export type StaffSearchInput = {
  q: unknown;
  /** Which statuses to include; all of them when empty or absent. */
  statuses?: ArticleStatus[];
  /** Only articles this staff member wrote or created ("mine"). */
  authorId?: number | null;
  /** Only articles with this staff member in the byline (the article list's Author filter). */
  bylineId?: number | null;
  /**
   * Only what this staff member may read below editor (articleReadScope): their own work and
   * anything live. The author's article list passes it.
   */
  readableBy?: number | null;
  sectionId?: number | null;
  page?: number;
  pageSize?: number;
};

/**
 * Staff search across every status, ranked by relevance and how recently the article was
 * changed. The caller checks the role first and decides whose articles the person's list holds
 * (articleListScope in lib/permissions.ts), passing `authorId` for "only their own". With an
 * empty `q` it lists the newest changes first, so one call serves the list and the search box.
 */
export async function searchArticlesForStaff(input: StaffSearchInput): Promise<StaffSearchResult> {
  const statuses = (input.statuses?.length ? input.statuses : [...ARTICLE_STATUSES]).filter((s) => (ARTICLE_STATUSES as readonly string[]).includes(s));
  const pageSize = Math.min(100, Math.max(1, Math.floor(input.pageSize ?? SEARCH_PAGE_SIZE)));
  const statusList = sql.join(statuses.map((s) => sql`${s}`), sql`, `);
  const where = sql.join(
    [
      sql`articles.status IN (${statusList})`,
      input.sectionId ? sql`articles.section_id = ${input.sectionId}` : undefined,
      input.authorId
        ? hasFacet(`'c${Math.trunc(input.authorId)}' | '${Math.trunc(input.authorId)}'`)
        : undefined,
      input.bylineId ? hasFacet(`'${Math.trunc(input.bylineId)}'`) : undefined,
      input.readableBy ? sql`(${hasFacet(`'c${Math.trunc(input.readableBy)}' | '${Math.trunc(input.readableBy)}'`)} OR ${isLive()})` : undefined,
    ].filter((part): part is SQL => Boolean(part)),
    sql` AND `,
  );

  const { text } = normaliseQuery(input.q);
  let outcome: Outcome;
  let ranked: Ranked[];
  if (!text) {
    const page = Math.max(1, Math.floor(Number(input.page) || 1));
    const offset = (page - 1) * pageSize;
    // Newest changes first, one status at a time through articles_status_idx, merged: sorting
    // every article in scope took 5 s at a million articles.
    ranked = await rows<Ranked>(
      getDb(),
      sql`SELECT a.id, 0::float8 AS score, 0 AS total, a.headline, '' AS snippet, ${detailColumns}
          FROM unnest(ARRAY[${statusList}]::text[]) AS st(status)
          CROSS JOIN LATERAL (
            SELECT articles.id FROM articles WHERE articles.status = st.status AND ${where}
            ORDER BY articles.modified_at DESC NULLS LAST, articles.id DESC LIMIT ${offset + pageSize}
          ) newest
          JOIN articles a ON a.id = newest.id
          LEFT JOIN sections s ON s.id = a.section_id
          ORDER BY a.modified_at DESC, a.id DESC LIMIT ${pageSize} OFFSET ${offset}`,
    );
    // Counted exactly up to SEARCH_TUNING.listCountCap (a section filter has no index of its own
    // here and is counted by reading the table); beyond it, the planner's estimate.
    const [counted] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM articles WHERE ${where} LIMIT ${SEARCH_TUNING.listCountCap + 1}) t`);
    let total = Number(counted?.n ?? 0);
    const totalIsEstimate = total > SEARCH_TUNING.listCountCap;
    if (totalIsEstimate) total = Math.max(total, roundEstimate(await estimateRows(getDb(), sql`SELECT 1 FROM articles WHERE ${where}`)));
    outcome = { query: '', trimmed: false, mode: 'exact', problem: null, total, totalIsEstimate, page, pageCount: Math.ceil(total / pageSize) };
  } else {
    const found = await search(input, pageSize, () => ({
      where,
      time: sql`articles.modified_at`,
      periods: 'm',
      upper: new Date(),
      rate: sql`(SELECT count(*) FROM articles WHERE ${where} AND modified_at > now() - interval '7 days') / ${7 * DAY_MS}::float8`,
      // The oldest change among the statuses asked for, one status at a time through
      // articles_status_idx (min() over several statuses at once reads the whole index: 180 ms at
      // a million articles; NULLS FIRST matches the index read backwards). Other filters are left
      // out: it bounds the span, it need not be exact.
      oldest: sql`(SELECT min(o.modified_at) FROM unnest(ARRAY[${statusList}]::text[]) AS st(status)
        CROSS JOIN LATERAL (SELECT a.modified_at FROM articles a WHERE a.status = st.status ORDER BY a.modified_at NULLS FIRST LIMIT 1) o)`,

    }));
    outcome = found.outcome;
    ranked = found.ranked;
  }
  const hits: StaffSearchHit[] = ranked.map((r) => ({
    id: Number(r.id),
    headline: toSegments(r.headline),
    snippet: r.snippet ? toSegments(r.snippet) : r.standfirst ? [{ text: r.standfirst, mark: false }] : [],
    status: r.status,
    path: r.path,
    sectionName: r.section_name,
    modifiedAt: new Date(Number(r.modified_ms)).toISOString(),
    publishedAt: r.published_ms === null ? null : new Date(Number(r.published_ms)).toISOString(),
  }));
  return { ...outcome, hits };
}
