// Comment text: counting links, matching word lists through markup and case tricks, and turning
// URLs into links for display. Comments are plain text; nothing here produces HTML.

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

/** Lower-case letters and digits without accents, invisible characters or compatibility forms. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .normalize('NFKC');
}

/**
 * The forms of a text a word list is matched against: with markup removed (so "v<b></b>iagra"
 * reads "viagra"), with markup as spaces, and with letter-by-letter spelling joined up
 * ("v i a g r a", "v.i.a.g.r.a"). All folded to plain lower case.
 */
export function matchingForms(text: string): string[] {
  const decoded = decodeEntities(decodeEntities(text));
  const joined = fold(decoded.replace(/<[^>]*>/g, ''));
  const spaced = fold(decoded.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
  const spelled = joined.replace(/(?<![\p{L}\p{N}])(?:[\p{L}\p{N}][^\p{L}\p{N}\n]{1,3}){2,}[\p{L}\p{N}](?![\p{L}\p{N}])/gu, (run) =>
    run.replace(/[^\p{L}\p{N}]/gu, ''),
  );
  return [...new Set([joined, spaced, spelled])];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first entry of `words` found in any of `texts` as a whole word (or phrase), or null.
 * Entries are matched the same way the texts are folded, so case and accents do not matter.
 */
export function findListedWord(words: readonly string[], texts: readonly string[]): string | null {
  const forms = texts.filter(Boolean).flatMap(matchingForms);
  for (const raw of words) {
    const word = fold(raw.trim()).replace(/\s+/g, ' ');
    if (!word) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
    if (forms.some((f) => pattern.test(f))) return raw.trim();
  }
  return null;
}

/** How many links a comment carries: web addresses and anchor tags. */
export function countLinks(text: string): number {
  const decoded = decodeEntities(text);
  const urls = decoded.match(/(?:\bhttps?:\/\/|\bwww\.)[^\s<>"']+/gi)?.length ?? 0;
  const anchorsWithoutUrl = (decoded.match(/<a\s[^>]*href\s*=\s*["']?(?!\s*(?:https?:\/\/|www\.))[^>]*>/gi) ?? []).length;
  return urls + anchorsWithoutUrl;
}

export type TextSegment = { text: string; href?: undefined } | { text: string; href: string };

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/** Splits plain text into text and link segments; links are http(s) only. */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    // Trailing punctuation belongs to the sentence, and a closing bracket to the text around it
    // unless the URL opened one itself.
    while (/[.,;:!?'"]$/.test(url) || (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0))) url = url.slice(0, -1);
    const start = match.index;
    if (url.length < 5) continue;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: url, href: /^www\./i.test(url) ? `https://${url}` : url });
    last = start + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Characters that may not appear in a comment: C0 controls except tab and newline, DEL, C1 controls. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
