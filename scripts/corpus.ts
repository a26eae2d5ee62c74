// Fills a separate PostgreSQL database with N synthetic articles, for the search benchmark:
//   npm run db:corpus -- --articles 100000 [--force] [--url postgres://postgres@127.0.0.1:5432/postgres]
// The database is broadsheet_corpus_<N> on the given (loopback) server, created if missing and
// migrated with the app's own migrations, so the benchmark measures the real schema and indexes.
// The text is generated (a seeded generator, so every corpus of a size is the same): news-like
// vocabulary with a long tail of invented place and person names, spread over ten years.
// A script, not app code: it talks to PostgreSQL directly because COPY is what makes a million
// rows load in minutes.
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

// ---------------------------------------------------------------------------------------------
// Vocabulary (written for this corpus)

const STOP = 'the the the of of and and to to a a in in that is was for on with as at by it from has have be were are will would but not its their this an which after more than been who also up over into about after while when'.split(' ');

const GENERAL = `people year week month plans report figures residents officials local national county region city
town village community support concerns changes decision meeting announced expected warned according statement
spokesperson group members public service services funding money cost costs million billion new old first last
next major small large further early late recent future number increase rise fall cut cuts rules review proposals
agreement problem problems scheme project area areas centre site street family families children parents young older
women men staff workers team leader leaders chief director board council government minister ministers officials
evidence figures data record records history plan response questions answers claims call calls demand demands
action impact risk risks safety security pressure support services opening closure return move moves effort efforts
change time times day days night morning evening weekend summer winter spring autumn season hours minutes years
months decades century local regional national international global northern southern eastern western central rural
urban coastal inland public private independent official formal informal legal financial political social economic
environmental historic modern traditional popular controversial significant serious major minor final initial
warning letter letters petition protest campaign campaigners charity charities trust trusts partnership investment
contract contracts deal deals offer offers price prices level levels rate rates share shares target targets
survey surveys study studies analysis findings result results document documents request requests meeting meetings
visit visits event events programme programmes system systems network networks building buildings land road roads`
  .split(/\s+/)
  .filter(Boolean);

type Topic = { section: string; words: string[]; phrases: string[] };

// Each topic: its section, its words, and two-word phrases that appear together (for phrase search).
export const TOPICS: Topic[] = [
  { section: 'news', words: 'harbour flood storm tide coast defences rainfall river surge evacuation sandbags coastguard erosion flooding gale forecast'.split(' '), phrases: ['sea wall', 'flood warning', 'storm surge'] },
  { section: 'politics', words: 'election ballot candidate vote voters poll turnout campaign constituency manifesto hustings majority recount'.split(' '), phrases: ['polling station', 'general election', 'local elections'] },
  { section: 'news', words: 'railway train station timetable fares commuters signal platform bus route tram delays ticket depot'.split(' '), phrases: ['rail line', 'bus service', 'level crossing'] },
  { section: 'business', words: 'inflation bank mortgage prices wages budget tax spending deficit growth recession economy borrowing pensions'.split(' '), phrases: ['interest rates', 'cost of living', 'central bank'] },
  { section: 'health', words: 'hospital patients nurses doctors clinic ambulance surgery vaccine treatment ward beds outbreak midwives pharmacy'.split(' '), phrases: ['waiting list', 'health service', 'accident and emergency'] },
  { section: 'education', words: 'school pupils teachers exams university students tuition classroom headteacher curriculum grades nursery apprentices'.split(' '), phrases: ['exam results', 'school meals', 'tuition fees'] },
  { section: 'news', words: 'court trial jury sentence police arrest judge appeal verdict prosecution magistrates bail investigation officers charges'.split(' '), phrases: ['crown court', 'police officers', 'high court'] },
  { section: 'news', words: 'housing homes rent tenants landlord planning development estate eviction builders flats'.split(' '), phrases: ['affordable homes', 'council tax', 'planning permission'] },
  { section: 'climate', words: 'energy solar emissions carbon climate turbines grid electricity renewable pylons insulation'.split(' '), phrases: ['wind farm', 'heat pumps', 'net zero'] },
  { section: 'sport', words: 'match goal league striker season manager stadium fans penalty championship relegation coach tournament cricket rugby'.split(' '), phrases: ['cup final', 'home side', 'extra time'] },
  { section: 'culture', words: 'festival theatre gallery exhibition novel orchestra concert film album museum poetry premiere artists opera'.split(' '), phrases: ['opening night', 'art gallery', 'book prize'] },
  { section: 'science', words: 'research scientists study telescope laboratory species genome experiment discovery fossil satellite physics'.split(' '), phrases: ['clinical trial', 'space agency', 'research team'] },
  { section: 'technology', words: 'software app startup broadband phone chips network platform encryption robots algorithm outage'.split(' '), phrases: ['data breach', 'artificial intelligence', 'cyber attack'] },
  { section: 'climate', words: 'farmers harvest crops cattle drought wildlife woodland rivers pollution sewage beaches badgers hedgerows orchards'.split(' '), phrases: ['water company', 'bathing water', 'nature reserve'] },
  { section: 'business', words: 'company profits jobs factory redundancies merger retail shops investors takeover exports shareholders'.split(' '), phrases: ['high street', 'chief executive', 'supply chain'] },
  { section: 'business', words: 'strike union walkout picket dispute negotiations overtime stoppage'.split(' '), phrases: ['pay offer', 'industrial action', 'picket line'] },
  { section: 'politics', words: 'parliament government bill opposition cabinet reshuffle inquiry committee policy reform referendum'.split(' '), phrases: ['prime minister', 'select committee', 'opposition leader'] },
  { section: 'world', words: 'summit treaty ambassador sanctions ceasefire refugees border talks embassy aid diplomats'.split(' '), phrases: ['trade deal', 'foreign secretary', 'peace talks'] },
  { section: 'news', words: 'library park volunteers bridge potholes parish pub allotments carnival playground'.split(' '), phrases: ['bin collections', 'market square', 'village hall'] },
  { section: 'culture', words: 'restaurant chef bakery recipe vineyard brewery cheese seafood menu kitchen'.split(' '), phrases: ['fishing fleet', 'farmers market', 'food bank'] },
];

export const SECTIONS = [
  { slug: 'news', name: 'News' },
  { slug: 'world', name: 'World' },
  { slug: 'politics', name: 'Politics' },
  { slug: 'business', name: 'Business' },
  { slug: 'climate', name: 'Climate' },
  { slug: 'science', name: 'Science' },
  { slug: 'technology', name: 'Technology' },
  { slug: 'health', name: 'Health' },
  { slug: 'education', name: 'Education' },
  { slug: 'sport', name: 'Sport' },
  { slug: 'culture', name: 'Culture' },
  { slug: 'opinion', name: 'Opinion' },
];

const PLACE_HEADS = 'Ash Bel Bran Cal Dun Ell Fen Gar Hal Kel Lin Mar Nor Pen Ros Sel Tam Wes Ald Brock Carn Dray Elm Frost Glen Holt Ivy Kirk Lang Mill Oak Quar Rad Stan Thorn Ulver Vale Whit Yarn Zeal'.split(' ');
const PLACE_TAILS = 'ford ton bury mouth wick field ham by stead combe ley more port bridge haven thorpe cliffe worth'.split(' ');
const NAME_HEADS = 'Ab Bar Cor Dal Ed Far Gil Hen Ing Jar Kem Lor Mor Nes Ord Pel Quin Rid Sal Tor Ump Var Wil Yor'.split(' ');
const NAME_MIDS = ['', 'er', 'ing', 'den', 'ham', 'ing', 'ley', 'ridge'];
const NAME_TAILS = 'well ton stone wood more by son ford man ler ett ard'.split(' ');
const GIVEN = 'Ana Ben Cara Dev Edie Femi Gus Hana Ivo Jude Kofi Lena Milo Nia Omar Pia Quinn Rosa Sami Tess Uma Vik Wren Yusuf Zara Aled Bea Cole Dina Emil Freya Gwen Hugo Isla Jonah Kit Lior Maya Nell Otis'.split(' ');

export const PLACES: string[] = PLACE_HEADS.flatMap((h) => PLACE_TAILS.map((t) => h + t));
export const SURNAMES: string[] = NAME_HEADS.flatMap((h) => NAME_MIDS.flatMap((m) => NAME_TAILS.map((t) => h + m + t.toLowerCase()))).filter((v, i, all) => all.indexOf(v) === i);

// ---------------------------------------------------------------------------------------------
// Seeded randomness and Zipf-like sampling (a few words everywhere, a long tail of rare ones)

export function rng(seed: number) {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipf<T>(items: T[], exponent: number) {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) cumulative[i] = total += 1 / Math.pow(i + 1, exponent);
  return (r: () => number): T => {
    const x = r() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const pickGeneral = zipf(GENERAL, 0.9);
const pickPlace = zipf(PLACES, 1.0);
const pickSurname = zipf(SURNAMES, 1.0);
const pickGiven = zipf(GIVEN, 0.6);
const pickTopic = zipf(TOPICS, 0.5);
const pick = <T>(r: () => number, items: T[]) => items[Math.floor(r() * items.length)]!;

function word(r: () => number, topic: Topic): string {
  const x = r();
  if (x < 0.36) return pick(r, STOP);
  if (x < 0.7) return pickGeneral(r);
  if (x < 0.88) return pick(r, topic.words);
  if (x < 0.92) return pick(r, topic.phrases);
  if (x < 0.96) return pickPlace(r);
  return `${pickGiven(r)} ${pickSurname(r)}`;
}

function sentence(r: () => number, topic: Topic, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word(r, topic));
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

export type CorpusArticle = {
  headline: string;
  standfirst: string;
  paragraphs: string[];
  topic: Topic;
};

/** One article's text, the same every time for the same id. */
export function generateArticle(id: number): CorpusArticle {
  const r = rng(id * 2654435761);
  const topic = pickTopic(r);
  const place = pickPlace(r);
  const headWords = [place, pick(r, topic.words), pick(r, topic.phrases), pickGeneral(r), pick(r, STOP), pick(r, topic.words)];
  for (let i = headWords.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [headWords[i], headWords[j]] = [headWords[j]!, headWords[i]!];
  }
  const headline = headWords.join(' ').replace(/^./, (c) => c.toUpperCase());
  const standfirst = `${sentence(r, topic, 14, 26)}.`;
  const paragraphs: string[] = [];
  const count = 4 + Math.floor(r() * 7);
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(r() * 4);
    for (let s = 0; s < n; s++) sentences.push(`${sentence(r, topic, 8, 22)}.`);
    paragraphs.push(sentences.join(' '));
  }
  return { headline, standfirst, paragraphs, topic };
}

// ---------------------------------------------------------------------------------------------
// Loading

const TEN_YEARS_MS = 10 * 365.25 * 86400_000;
const STAFF_COUNT = 240;

function copyText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const londonParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
function londonDate(date: Date): string {
  // en-CA formats as yyyy-mm-dd.
  return londonParts.format(date).replace(/-/g, '/');
}

type Status = 'draft' | 'in_review' | 'scheduled' | 'published' | 'withdrawn';
function statusFor(r: number): Status {
  if (r < 0.93) return 'published';
  if (r < 0.96) return 'draft';
  if (r < 0.97) return 'in_review';
  if (r < 0.98) return 'scheduled';
  return 'withdrawn';
}

export const corpusDatabaseName = (articles: number) => `broadsheet_corpus_${articles}`;

export function adminUrl(explicit?: string): string {
  return explicit ?? process.env.CORPUS_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function corpusUrl(articles: number, admin = adminUrl()): string {
  const u = new URL(admin);
  u.pathname = `/${corpusDatabaseName(articles)}`;
  return u.toString();
}

/** The number of articles a corpus database holds, or null when it is missing or incomplete. */
export async function corpusSize(articles: number, admin = adminUrl()): Promise<number | null> {
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`SELECT 1 FROM pg_database WHERE datname = ${corpusDatabaseName(articles)}`;
    if (!exists) return null;
  } finally {
    await sql.end();
  }
  const db = postgres(corpusUrl(articles, admin), { max: 1, onnotice: () => {} });
  try {
    const [row] = await db`SELECT articles FROM corpus_info WHERE complete`;
    return row ? Number(row.articles) : null;
  } catch {
    return null;
  } finally {
    await db.end();
  }
}

async function* articleRows(total: number, from: number, to: number, now: number, log: (rows: number) => void) {
  const BATCH = 500;
  const start = now - TEN_YEARS_MS;
  for (let first = from; first <= to; first += BATCH) {
    const lines: string[] = [];
    const last = Math.min(to, first + BATCH - 1);
    for (let id = first; id <= last; id++) {
      const a = generateArticle(id);
      const r = rng(id ^ 0x5bd1e995);
      const status = statusFor(r());
      // Ids rise with time (as they do in a real newsroom), with some jitter.
      const published = new Date(Math.min(now - 60_000, start + ((id - 0.5 + (r() - 0.5) * 4) / total) * TEN_YEARS_MS));
      const sectionSlug = r() < 0.08 ? 'opinion' : a.topic.section;
      const sectionId = SECTIONS.findIndex((s) => s.slug === sectionSlug) + 1;
      const slug = `${a.headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-+$/, '')}-${id}`;
      const everPublished = status === 'published' || status === 'withdrawn';
      const publishedAt = status === 'scheduled' ? new Date(now + (1 + r() * 30) * 86400_000) : everPublished ? published : null;
      const path = everPublished ? `/${sectionSlug}/${londonDate(published)}/${slug}` : null;
      const updatedAt = everPublished && r() < 0.1 ? new Date(published.getTime() + r() * 86400_000 * 3) : null;
      const modified = updatedAt ?? publishedAt ?? published;
      const body = { type: 'doc', content: a.paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
      const createdBy = 1 + Math.floor(r() * STAFF_COUNT);
      lines.push(
        [
          id,
          slug,
          path ?? '\\N',
          copyText(a.headline),
          copyText(a.standfirst),
          copyText(JSON.stringify(body)),
          copyText(a.paragraphs.join('\n')),
          status,
          sectionId,
          everPublished ? published.toISOString() : '\\N',
          publishedAt ? publishedAt.toISOString() : '\\N',
          updatedAt ? updatedAt.toISOString() : '\\N',
          status === 'withdrawn' ? new Date(published.getTime() + 86400_000).toISOString() : '\\N',
          createdBy,
          // articles.byline_ids, which the trigger on article_authors keeps (it does not fire
          // during the load, which runs as a replica).
          `{${bylineOf(id).join(',')}}`,
          published.toISOString(),
          modified.toISOString(),
        ].join('\t'),
      );
    }
    yield lines.join('\n') + '\n';
    log(last - first + 1);
  }
}

/** An article's byline, lead author first: one staff member, a fifth of the time two. */
function bylineOf(id: number): number[] {
  const r = rng(id ^ 0x27d4eb2d);
  const lead = 1 + Math.floor(r() * STAFF_COUNT);
  if (r() < 0.2) {
    const second = 1 + ((lead + 1 + Math.floor(r() * (STAFF_COUNT - 1))) % STAFF_COUNT);
    if (second !== lead) return [lead, second];
  }
  return [lead];
}

async function* authorRows(total: number) {
  const BATCH = 5000;
  for (let first = 1; first <= total; first += BATCH) {
    const lines: string[] = [];
    for (let id = first; id <= Math.min(total, first + BATCH - 1); id++) {
      for (const [position, staffId] of bylineOf(id).entries()) lines.push(`${id}\t${staffId}\t${position}`);
    }
    yield lines.join('\n') + '\n';
  }
}

async function copyInto(sql: postgres.Sql, statement: string, rows: AsyncIterable<string>) {
  const writable = await sql.unsafe(statement).writable();
  for await (const chunk of rows) {
    if (!writable.write(chunk)) await once(writable, 'drain');
  }
  writable.end();
  await once(writable, 'finish');
}

export async function buildCorpus(articles: number, options: { admin?: string; force?: boolean; log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const admin = adminUrl(options.admin);
  const host = new URL(admin).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`The corpus goes to a loopback PostgreSQL server only; ${host} is not one.`);
  }
  if (!options.force && (await corpusSize(articles, admin)) === articles) {
    log(`${corpusDatabaseName(articles)} already holds ${articles} articles (use --force to rebuild).`);
    return corpusUrl(articles, admin);
  }
  const name = corpusDatabaseName(articles);
  const server = postgres(admin, { max: 1, onnotice: () => {} });
  await server.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await server.unsafe(`CREATE DATABASE ${name}`);
  await server.end();

  const url = corpusUrl(articles, admin);
  const started = Date.now();
  // The app's migrations, through the app's own migrator.
  process.env.DATABASE_URL = url;
  const { migrateDatabase } = await import('../db/migrate');
  const { closeDb } = await import('../db/connection');
  await migrateDatabase();
  await closeDb();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`CREATE TABLE corpus_info (articles integer NOT NULL, seed text NOT NULL, complete boolean NOT NULL DEFAULT false, built_at timestamptz NOT NULL DEFAULT now())`;
    await sql`INSERT INTO corpus_info (articles, seed) VALUES (${articles}, 'v1')`;
    await sql`INSERT INTO site_settings (id, name, tagline) VALUES (1, 'The Corpus Courier', 'Generated text for benchmarks') ON CONFLICT (id) DO NOTHING`;
    for (const [i, s] of SECTIONS.entries()) {
      await sql`INSERT INTO sections (id, slug, name, description, position) VALUES (${i + 1}, ${s.slug}, ${s.name}, ${`Generated ${s.name.toLowerCase()} stories`}, ${i})`;
    }
    await sql`SELECT setval('sections_id_seq', ${SECTIONS.length})`;
    const staffRows = Array.from({ length: STAFF_COUNT }, (_, i) => {
      const r = rng(i + 7);
      const first = pick(r, GIVEN);
      const last = SURNAMES[(i * 37) % SURNAMES.length]!;
      const slug = `${first}-${last}-${i + 1}`.toLowerCase();
      return { id: i + 1, slug, name: `${first} ${last}`, first_name: first, last_name: last, email: `${slug}@corpus.example.org`, role: i < 4 ? 'editor' : 'author' };
    });
    await sql`INSERT INTO staff ${sql(staffRows)}`;
    await sql`SELECT setval('staff_id_seq', ${STAFF_COUNT})`;

    // Indexes are far quicker to build once over the loaded table than to grow row by row; they
    // are dropped here and created again, from their own definitions, after the load.
    const indexes = await sql<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles' AND indexname <> 'articles_pkey'`;
    for (const index of indexes) await sql.unsafe(`DROP INDEX ${index.indexname}`);
    await sql`ALTER TABLE articles SET (autovacuum_enabled = false)`;
    // The trigger that notes each article's words for the prefix fallback costs about a
    // millisecond a row; the words are gathered once after the load instead.
    await sql`ALTER TABLE articles DISABLE TRIGGER articles_search_words`;

    let done = 0;
    let lastReport = 0;
    const progress = (rows: number) => {
      done += rows;
      if (done === articles || Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        log(`  ${done.toLocaleString('en-GB')} / ${articles.toLocaleString('en-GB')} articles (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    };
    const columns = 'id, slug, path, headline, standfirst, body, body_text, status, section_id, first_published_at, published_at, updated_at, withdrawn_at, created_by, byline_ids, created_at, modified_at';
    const now = Date.now();
    // Two streams: the server's share of the work (the two search vectors) runs on two cores.
    const half = Math.ceil(articles / 2);
    const loader = postgres(url, { max: 2, onnotice: () => {} });
    await Promise.all([
      copyInto(loader, `COPY articles (${columns}) FROM STDIN`, articleRows(articles, 1, half, now, progress)),
      copyInto(loader, `COPY articles (${columns}) FROM STDIN`, articleRows(articles, half + 1, articles, now, progress)),
    ]);
    await loader.end();
    await sql`SELECT setval('articles_id_seq', ${articles})`;
    // Every author row points at an article loaded just above; skip the per-row foreign key check.
    await sql`SET session_replication_role = replica`;
    await copyInto(sql, 'COPY article_authors (article_id, staff_id, position) FROM STDIN', authorRows(articles));
    await sql`SET session_replication_role = DEFAULT`;
    log(`  loaded in ${Math.round((Date.now() - started) / 1000)} s; building ${indexes.length} indexes`);
    await sql`SET maintenance_work_mem = '512MB'`;
    for (const index of indexes) await sql.unsafe(index.indexdef);
    await sql`ALTER TABLE articles RESET (autovacuum_enabled)`;
    await sql`ALTER TABLE articles ENABLE TRIGGER articles_search_words`;
    await sql`INSERT INTO search_words (word) SELECT word FROM ts_stat('SELECT search FROM articles') ON CONFLICT DO NOTHING`;
    log(`  indexed in ${Math.round((Date.now() - started) / 1000)} s; vacuuming and analysing`);
    await sql`VACUUM (ANALYZE) articles`;
    await sql`VACUUM (ANALYZE) article_authors`;
    await sql`UPDATE corpus_info SET complete = true`;
    const [size] = await sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
    log(`${name}: ${articles.toLocaleString('en-GB')} articles in ${Math.round((Date.now() - started) / 1000)} s, ${size!.size} on disk`);
  } finally {
    await sql.end();
  }
  return url;
}

function parseArgs(argv: string[]) {
  let articles = 10_000;
  let force = false;
  let admin: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--articles' || arg === '-n') articles = Number(String(argv[++i]).replace(/[_,]/g, ''));
    else if (arg.startsWith('--articles=')) articles = Number(arg.slice(11).replace(/[_,]/g, ''));
    else if (arg === '--force') force = true;
    else if (arg === '--url') admin = argv[++i];
    else throw new Error(`Unknown option ${arg}. Usage: npm run db:corpus -- --articles N [--force] [--url postgres://…/postgres]`);
  }
  if (!Number.isInteger(articles) || articles < 1 || articles > 20_000_000) throw new Error('--articles must be a whole number from 1 to 20,000,000.');
  return { articles, force, admin };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { articles, force, admin } = parseArgs(process.argv.slice(2));
    await buildCorpus(articles, { force, admin });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
