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

/** Word writes list items as paragraphs with a bullet or number in an "mso-list:Ignore" span. */
function rebuildWordLists(html: string): string {
  const para = /<p\b[^>]*class=["']?MsoListParagraph[^"'\s>]*["']?[^>]*>([\s\S]*?)<\/p>/gi;
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
  for (const match of html.matchAll(para)) {
    const between = html.slice(last, match.index);
    if (run && between.trim() !== '') {
      flush();
    }
    if (!run) out.push(between);
    let marker = '';
    const content = match[1]!.replace(/<span\b[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>\s*(<\/span>)?/gi, (_m, inner: string) => {
      marker += decodeEntities(inner.replace(/<[^>]+>/g, ''));
      return '';
    });
    const ordered = /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker);
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
