// Cleans HTML pasted from word processors and wire services before the editor parses it. The
// editor's schema already drops whatever it does not know (styles, fonts, scripts); this handles
// what a schema cannot: Word's fake lists, its conditional comments, heading levels Broadsheet
// does not use, images from other sites (often tracking pixels), and a quote's source written as
// a figcaption beside it rather than on it. A quote's data-cite is left alone.

const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', middot: '·', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘' };

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (entity, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? entity);
}

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
  out = rebuildWordLists(out);
  out = quoteSourcesFromFigures(out);
  // Broadsheet's crossheads are h2 and h3.
  out = out.replace(/<(\/?)h1\b[^>]*>/gi, '<$1h2>').replace(/<(\/?)h[4-6]\b[^>]*>/gi, '<$1h3>');
  return out;
}
