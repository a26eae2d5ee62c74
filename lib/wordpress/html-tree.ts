// A small, forgiving HTML reader for content that arrives without a browser (a WordPress export
// read on the server): tags, attributes and text into a tree, entities decoded. It does not run or
// keep anything: the tree is turned into the editor's document, whose schema has no place for
// scripts, styles or event handlers. Broken markup never throws; unclosed tags close at the end,
// stray closing tags are ignored, as browsers do.

export type HtmlElement = { tag: string; attrs: Record<string, string>; children: HtmlNode[] };
export type HtmlNode = HtmlElement | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// A new one of these closes an open one of the same kind (<p>one<p>two, <li>a<li>b).
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
const BLOCKS_CLOSING_P = new Set(['p', 'div', 'ul', 'ol', 'blockquote', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'pre', 'hr', 'section', 'article', 'aside', 'header', 'footer']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noscript', 'noembed', 'template']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è',
  aacute: 'á', agrave: 'à', ouml: 'ö', uuml: 'ü', auml: 'ä', ccedil: 'ç', deg: '°', pound: '£', euro: '€', times: '×', frac12: '½',
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const closeTo = (tag: string) => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i]!.tag === tag) {
        stack.length = i;
        return;
      }
    }
  };
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/g;
  let last = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m.index > last) top().children.push(decodeHtmlEntities(html.slice(last, m.index)));
    last = TAG.lastIndex;
    if (!m[2]) continue; // comment, doctype, processing instruction
    const tag = m[2].toLowerCase();
    if (m[1]) {
      if (tag === 'br') top().children.push({ tag: 'br', attrs: {}, children: [] });
      else if (tag === 'p' && !stack.some((e) => e.tag === 'p')) top().children.push({ tag: 'p', attrs: {}, children: [] });
      else closeTo(tag);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(tag) && top().tag === tag) stack.pop();
    if (BLOCKS_CLOSING_P.has(tag) && stack.some((e) => e.tag === 'p')) closeTo('p');
    const element: HtmlElement = { tag, attrs: parseAttrs(m[3] ?? ''), children: [] };
    top().children.push(element);
    if (RAW_TEXT.has(tag)) {
      // Everything up to the matching end tag is text of this element, never markup.
      const end = html.toLowerCase().indexOf(`</${tag}`, last);
      const stop = end === -1 ? html.length : end;
      element.children.push(html.slice(last, stop));
      const close = end === -1 ? html.length : html.indexOf('>', end);
      last = close === -1 ? html.length : close + 1;
      TAG.lastIndex = last;
      continue;
    }
    if (!VOID.has(tag) && !/\/\s*$/.test(m[3] ?? '')) stack.push(element);
  }
  if (last < html.length) top().children.push(decodeHtmlEntities(html.slice(last)));
  return root;
}

/** The words of a piece of HTML, tags dropped and entities decoded, spacing kept as written. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const walk = (node: HtmlNode) => {
    if (typeof node === 'string') out.push(node);
    else if (RAW_TEXT.has(node.tag)) return;
    else {
      if (node.tag === 'br') out.push('\n');
      if (node.tag === 'p' || node.tag === 'div' || node.tag === 'li') out.push('\n');
      node.children.forEach(walk);
      if (node.tag === 'p' || node.tag === 'div' || node.tag === 'li') out.push('\n');
    }
  };
  walk(parseHtml(html));
  return out.join('');
}
