// Cleans HTML pasted from word processors and wire services before the editor parses it. The
// editor's schema already drops whatever it does not know (styles, fonts, scripts); this handles
// what a schema cannot: Word's fake lists, its conditional comments, heading levels Broadsheet
// does not use, images from other sites (often tracking pixels), and a quote's source written as
// a figcaption beside it rather than on it, and tables reduced to rows and cells with a proper
// header row. A quote's data-cite is left alone.

const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', middot: '·', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘' };

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (entity, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? entity);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A quote copied from a reader page (or a site that marks quotes up the same way) is a figure
 * whose figcaption names the source. The editor keeps the source as the quote's data-cite, so it
 * is moved there instead of becoming a stray paragraph under the quote. A data-cite already on the
 * quote (copied inside the editor) is kept as it is.
 */
function quoteSourcesFromFigures(html: string): string {
  return html.replace(
    /<figure\b[^>]*>\s*<blockquote\b([^>]*)>([\s\S]*?)<\/blockquote>\s*<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>\s*<\/figure>/gi,
    (_m, attrs: string, inner: string, caption: string) => {
      const source = decodeEntities(caption.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[—–-]\s*/, '');
      const cite = source && !/\bdata-cite\s*=/i.test(attrs) ? ` data-cite="${escapeAttribute(source.slice(0, 300))}"` : '';
      return `<blockquote${attrs}${cite}>${inner}</blockquote>`;
    },
  );
}

/** A paragraph Word made a list item: a MsoList… class, or an mso-list style naming a list (l0, l1…). */
const WORD_LIST_PARAGRAPH = /<p\b([^>]*)>([\s\S]*?)<\/p>/gi;
const isWordListItem = (attrs: string) => /class=["']?MsoList/i.test(attrs) || /mso-list:\s*l\d/i.test(attrs);

// Markers Word leaves at the start of the item's text when it did not wrap them in an
// "mso-list:Ignore" span (older Word, Outlook, a Symbol or Courier New run, a bullet typed by
// hand): "·" from the Symbol font, "•", "o" (Courier New, the second level), "§" (Wingdings), or a
// number. The marker must be followed by spacing, so a first word is never taken for one; "o" must
// be followed by a no-break space, as Word writes it, since "o" also begins words.
const SPACE = String.raw`(?:\s|&nbsp;|&#160;|&#xa0;|\u00a0)`;
const LEADING_MARKER = new RegExp(
  String.raw`^((?:\s|<[^>]+>)*)(?:(?:[·•§▪\-–*]|&middot;|&bull;|&#183;|&#xb7;|&#8226;|&#x2022;)((?:${SPACE}|<[^>]+>)+)|o((?:<[^>]+>)*(?:&nbsp;|&#160;|&#xa0;|\u00a0)(?:${SPACE}|<[^>]+>)*)|(\d+|[a-z]|[ivxlc]+)[.)]((?:${SPACE}|<[^>]+>)+))`,
  'i',
);

/** Word writes list items as paragraphs with a bullet or number in an "mso-list:Ignore" span, or bare. */
function rebuildWordLists(html: string): string {
  const out: string[] = [];
  let last = 0;
  let run: { ordered: boolean; items: string[] } | null = null;
  let runEnd = 0;
  const flush = () => {
    if (!run) return;
    const tag = run.ordered ? 'ol' : 'ul';
    out.push(`<${tag}>${run.items.map((i) => `<li><p>${i}</p></li>`).join('')}</${tag}>`);
    run = null;
  };
  for (const match of html.matchAll(WORD_LIST_PARAGRAPH)) {
    if (!isWordListItem(match[1]!)) continue;
    const between = html.slice(last, match.index);
    if (run && between.trim() !== '') {
      flush();
    }
    if (!run) out.push(between);
    let marker = '';
    let content = match[2]!.replace(/<span\b[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>\s*(<\/span>)?/gi, (_m, inner: string) => {
      marker += decodeEntities(inner.replace(/<[^>]+>/g, ''));
      return '';
    });
    let ordered = /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker);
    if (!marker.trim()) {
      // No Ignore span: the marker is the item's first text. The tags around it stay (the schema
      // drops the spans); only the marker and the spacing after it go.
      const bare = LEADING_MARKER.exec(content);
      if (bare) {
        const keptTags = (bare[2] ?? bare[3] ?? bare[5] ?? '').replace(/[^<>]+(?=<|$)/g, '');
        ordered = bare[4] !== undefined;
        content = bare[1]! + keptTags + content.slice(bare[0].length);
      }
    }
    if (run && run.ordered !== ordered) flush();
    run ??= { ordered, items: [] };
    run.items.push(content.replace(/<span\b[^>]*>\s*<\/span>/gi, '').trim());
    last = match.index! + match[0].length;
    runEnd = last;
  }
  flush();
  out.push(html.slice(runEnd || last));
  return out.join('');
}

const textOf = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

/** Only a cell's spans survive on it (1 to 99); every other attribute (mso- styles, widths, classes, handlers) goes. */
function cellTag(tag: 'td' | 'th', attrs: string): string {
  const keep: string[] = [];
  for (const name of ['colspan', 'rowspan']) {
    const m = new RegExp(String.raw`\b${name}\s*=\s*["']?(\d{1,2})\b`, 'i').exec(attrs);
    if (m && Number(m[1]) > 1) keep.push(`${name}="${Number(m[1])}"`);
  }
  return `<${tag}${keep.length ? ' ' + keep.join(' ') : ''}>`;
}

/** Whether all of a cell's words are bold, as Word's header rows usually are. */
function allBold(cell: string): boolean {
  if (!textOf(cell)) return false;
  const outsideBold = cell.replace(/<(b|strong)\b[^>]*>[\s\S]*?<\/\1>/gi, '').replace(/<span\b[^>]*font-weight:\s*(?:bold|[6-9]00)[^>]*>[\s\S]*?<\/span>/gi, '');
  return textOf(outsideBold) === '';
}

/** A cell's words and their formatting without Word's attributes (a link keeps its address). */
const cellContent = (html: string) =>
  html
    .replace(/<\/?(?:span|font)\b[^>]*>/gi, '')
    .replace(/<(p|b|i|strong|em|u|div)\b[^>]*>/gi, '<$1>')
    .trim();

const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/**
 * One table (innermost first) with only safe table markup left: table, tr, th and td, spans on
 * cells, and the caption as a data-caption the editor reads. The header row becomes th cells: a
 * thead's rows, or a first row whose every cell is bold (Word writes its header rows as ordinary
 * cells).
 */
function cleanTable(inner: string, captionBefore: string | null, captionAfter: string | null): string {
  let caption = '';
  inner = inner.replace(/<caption\b[^>]*>([\s\S]*?)<\/caption>/gi, (_m, c: string) => {
    caption ||= textOf(c);
    return '';
  });
  caption ||= captionBefore ?? captionAfter ?? '';
  // A table nested in a cell (already cleaned) keeps its words, one paragraph a row.
  inner = inner.replace(/<bs-table\b[^>]*>([\s\S]*?)<\/bs-table>/gi, (_m, t: string) =>
    [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => `<p>${[...r[1]!.matchAll(CELL)].map((c) => textOf(c[3]!)).filter(Boolean).map(escapeText).join(' · ')}</p>`).join(''),
  );
  inner = inner.replace(/<colgroup\b[^>]*>[\s\S]*?<\/colgroup>/gi, '').replace(/<col\b[^>]*>/gi, '');
  // thead rows are header rows wherever they came from.
  inner = inner.replace(/<thead\b[^>]*>([\s\S]*?)<\/thead>/gi, (_m, head: string) => head.replace(CELL, (_c, _t, a: string, content: string) => `${cellTag('th', a)}${content}</th>`));
  inner = inner.replace(/<\/?(?:tbody|tfoot)\b[^>]*>/gi, '');
  const rows = [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) => m[1]!);
  if (!rows.length) return '';
  const cleaned = rows.map((row, r) => {
    const cells = [...row.matchAll(CELL)];
    const header = r === 0 && rows.length > 1 && cells.length > 0 && cells.every((c) => c[1]!.toLowerCase() === 'th' || allBold(c[3]!));
    return `<tr>${cells.map((c) => {
      const tag = header || c[1]!.toLowerCase() === 'th' ? 'th' : 'td';
      return `${cellTag(tag, c[2]!)}${cellContent(c[3]!)}</${tag}>`;
    }).join('')}</tr>`;
  });
  const captionAttr = caption ? ` data-caption="${escapeAttribute(caption.slice(0, 500))}"` : '';
  return `<table${captionAttr}>${cleaned.join('')}</table>`;
}

// Word's "Insert Caption" writes the caption as a paragraph of class MsoCaption beside the table.
const WORD_CAPTION = String.raw`<p\b[^>]*class=["']?MsoCaption[^>]*>((?:(?!<\/p>)[\s\S])*)<\/p>\s*`;

function cleanTables(html: string): string {
  let out = html;
  // Innermost tables first, so a nested table is cleaned before the one around it (whose cell
  // the editor then flattens into paragraphs).
  for (let guard = 0; guard < 50 && /<table\b/i.test(out); guard++) {
    const innermost = new RegExp(String.raw`(?:${WORD_CAPTION})?<table\b([^>]*)>((?:(?!<table\b)[\s\S])*?)<\/table>(?:\s*${WORD_CAPTION})?`, 'i');
    const m = innermost.exec(out);
    if (!m) break;
    const [whole, before, , inner, after] = m;
    const cleaned = cleanTable(inner ?? '', before ? textOf(before) : null, after ? textOf(after) : null);
    // Marked so the outer pass does not take it for raw markup again.
    out = out.slice(0, m.index) + cleaned.replace(/^<table/, '<bs-table').replace(/<\/table>$/, '</bs-table>') + out.slice(m.index + whole.length);
  }
  return out.replace(/<(\/?)bs-table\b/g, '<$1table');
}

export function cleanPastedHtml(html: string): string {
  let out = html
    // Conditional comments and ordinary ones (Word's <!--[if !supportLists]--> among them).
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '')
    // Things that are never content.
    .replace(/<(script|style|xml|template|noscript|iframe|object|svg|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<(meta|link|base)\b[^>]*>/gi, '')
    .replace(/<\/?o:p>/gi, '')
    // Images from anywhere but this site (tracking pixels, hot-linked pictures).
    .replace(/<img\b(?![^>]*\bsrc=["']?\/(?!\/))[^>]*>/gi, '');
  out = cleanTables(out);
  out = rebuildWordLists(out);
  out = quoteSourcesFromFigures(out);
  // Broadsheet's crossheads are h2 and h3.
  out = out.replace(/<(\/?)h1\b[^>]*>/gi, '<$1h2>').replace(/<(\/?)h[4-6]\b[^>]*>/gi, '<$1h3>');
  return out;
}
