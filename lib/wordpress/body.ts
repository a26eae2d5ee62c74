// A WordPress post's content (classic HTML with its shortcodes, or block markup) into Broadsheet's
// article body, through the same cleaning as a paste into the editor: cleanPastedHtml, then the
// editor's own conversion to the stored document (editorDocToBody), which keeps only what the
// reader pages render, safe links and this site's images. What cannot be carried over is kept
// visibly in the text (an unknown shortcode stays as written; an unknown block leaves a line
// naming it) and reported as a note, so nothing disappears without a word.
import type { ArticleBody } from '../article-body';
import { editorDocToBody, type EditorNode } from '../editor-doc';
import { recogniseEmbed } from '../embeds';
import { cleanPastedHtml } from '../paste-cleanup';
import { decodeHtmlEntities, parseHtml, type HtmlElement, type HtmlNode } from './html-tree';

export type BodyNoteCode = 'unknown-shortcode' | 'unknown-block' | 'embed' | 'missing-image' | 'unsafe-markup' | 'flattened' | 'truncated';
export type BodyNote = { code: BodyNoteCode; detail: string };

/** An image in the media library, found from its old address or its WordPress attachment id. */
export type ResolvedImage = { src: string; alt: string; caption: string; credit: string; width: number; height: number };

export type BodyContext = {
  resolveImage: (ref: { url?: string; attachmentId?: number }) => ResolvedImage | null;
  /** The old site's own addresses (https://paper.example, …): links to them become site paths. */
  siteUrls: string[];
};

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---------------------------------------------------------------------------------------------
// Block markup

/** Core blocks whose inner HTML is ordinary markup: the delimiters go, the HTML is converted. */
const CONTAINER_BLOCKS = new Set([
  'paragraph', 'heading', 'list', 'list-item', 'quote', 'pullquote', 'image', 'gallery', 'html', 'shortcode', 'columns', 'column',
  'group', 'cover', 'media-text', 'buttons', 'button', 'details', 'verse', 'preformatted', 'code', 'footnotes', 'missing', 'freeform', 'table',
]);
/** Core blocks that carry no words (layout, page breaks). */
const EMPTY_BLOCKS = new Set(['separator', 'spacer', 'more', 'nextpage', 'page-list', 'latest-posts', 'archives', 'categories', 'search', 'tag-cloud', 'calendar', 'rss', 'social-links', 'social-link']);
const BLOCK_DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(\s+\{[\s\S]*?\})?\s+(\/)?-->/g;

function blockAttrs(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json.trim()) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const linkParagraph = (url: string, label?: string) => `<p><a href="${esc(url)}">${esc(label ?? url)}</a></p>`;

/** An embed Broadsheet recognises (lib/embeds.ts) becomes an embed block; any other address a link. */
function embedHtml(url: string, what: string, notes: BodyNote[]): string {
  if (url && recogniseEmbed(url)) return `<figure data-wp-embed="${esc(url)}"></figure>`;
  notes.push({ code: 'embed', detail: `${what} (${url || 'no address'}) became a link` });
  return /^https?:\/\//i.test(url) ? linkParagraph(url) : '';
}

function convertBlock(name: string, attrs: Record<string, unknown>, inner: string, notes: BodyNote[]): string {
  const core = name.startsWith('core/') ? name.slice(5) : name.includes('/') ? null : name;
  if (core === 'embed' || core?.startsWith('core-embed/') || name.startsWith('core-embed/')) {
    const url = typeof attrs.url === 'string' ? attrs.url : (/https?:\/\/[^\s<"]+/.exec(inner)?.[0] ?? '');
    return embedHtml(url, 'An embed', notes);
  }
  if (core === 'video' || core === 'audio' || core === 'file') {
    const src = /\b(?:src|href)="([^"]+)"/.exec(inner)?.[1] ?? '';
    notes.push({ code: 'embed', detail: `A ${core} block (${src || 'no file'}) became a link` });
    return src ? linkParagraph(decodeHtmlEntities(src)) : '';
  }
  if (core === 'freeform') return autop(inner);
  if (core && CONTAINER_BLOCKS.has(core)) return inner;
  if (core && EMPTY_BLOCKS.has(core)) return '';
  notes.push({ code: 'unknown-block', detail: name });
  const words = inner.replace(/<[^>]+>/g, '').trim();
  // Kept visibly: its own words when it has some, or a line naming it where it stood.
  return words ? inner : `<p>(Not carried over from WordPress: the block “${esc(name)}”.)</p>`;
}

function blocksToHtml(content: string, notes: BodyNote[]): string {
  const out: string[] = [];
  const stack: { name: string; attrs: Record<string, unknown>; start: number }[] = [];
  let last = 0;
  for (const m of content.matchAll(BLOCK_DELIMITER)) {
    out.push(content.slice(last, m.index));
    last = m.index! + m[0].length;
    const [, closing, name, json, selfClosing] = m as unknown as [string, string | undefined, string, string | undefined, string | undefined];
    if (selfClosing) out.push(convertBlock(name, blockAttrs(json), '', notes));
    else if (!closing) stack.push({ name, attrs: blockAttrs(json), start: out.length });
    else {
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.name !== name) i--;
      if (i < 0) continue; // a stray closing delimiter
      const open = stack[i]!;
      stack.length = i;
      const inner = out.splice(open.start).join('');
      out.push(convertBlock(open.name, open.attrs, inner, notes));
    }
  }
  out.push(content.slice(last));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Classic content: paragraphs from blank lines (WordPress's wpautop), then shortcodes

const STARTS_WITH_BLOCK = /^(?:<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|section|article|aside|dl|address|form|iframe|script|style|noscript|object)\b|\[(?:caption|gallery|embed|video|audio)\b)/i;

export function autop(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (STARTS_WITH_BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

const SHORTCODE = /\[(\[?)([a-zA-Z][\w-]*)(\s[^\]]*?)?(\/)?\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;

function shortcodeAttrs(source: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (source ?? '').matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) out[m[1]!.toLowerCase()] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

function imageTag(image: ResolvedImage, alt?: string): string {
  return `<img src="${esc(image.src)}" alt="${esc(alt || image.alt)}" width="${image.width}" height="${image.height}">`;
}

function figure(img: string, caption: string): string {
  return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function shortcodesToHtml(content: string, ctx: BodyContext, notes: BodyNote[]): string {
  return content.replace(SHORTCODE, (whole, open: string, name: string, rawAttrs: string | undefined, _self, inner: string | undefined, close: string) => {
    // [[name]] is WordPress's way of writing a shortcode's own text.
    if (open && close) return whole.slice(1, -1);
    const tag = name.toLowerCase();
    const attrs = shortcodeAttrs(rawAttrs);
    switch (tag) {
      case 'caption':
      case 'wp_caption': {
        const body = inner ?? '';
        const img = /<img\b[^>]*>/i.exec(body)?.[0] ?? '';
        const caption = (attrs.caption ?? body.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i, '').replace(/<img\b[^>]*>/i, '')).trim();
        return img ? figure(img, caption) : caption ? `<p>${caption}</p>` : '';
      }
      case 'gallery': {
        const ids = (attrs.ids ?? attrs.include ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
        if (!ids.length) break;
        const parts: string[] = [];
        for (const id of ids) {
          const image = ctx.resolveImage({ attachmentId: id });
          if (image) parts.push(figure(imageTag(image), esc(image.caption)));
          else notes.push({ code: 'missing-image', detail: `Gallery image ${id} is not in the uploads` });
        }
        return parts.join('');
      }
      case 'embed':
      case 'video':
      case 'audio': {
        const url = (tag === 'embed' ? (inner ?? '').trim() : (attrs.src ?? attrs.mp4 ?? attrs.mp3 ?? '')) || '';
        return embedHtml(url, `A [${tag}]`, notes);
      }
    }
    notes.push({ code: 'unknown-shortcode', detail: tag });
    return whole; // kept as written, where it stood
  });
}

// ---------------------------------------------------------------------------------------------
// Addresses: the old site's images into the media library, its links into site paths

function attachmentIdOf(attrs: string): number | undefined {
  const m = /\bwp-image-(\d+)\b/.exec(attrs);
  return m ? Number(m[1]) : undefined;
}

function ownPath(href: string, siteUrls: string[]): string | null {
  for (const base of siteUrls) {
    let b: URL;
    let h: URL;
    try {
      b = new URL(base);
      h = new URL(href, base);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(h.protocol) || h.hostname.replace(/^www\./, '') !== b.hostname.replace(/^www\./, '')) continue;
    return `${h.pathname}${h.search}${h.hash}` || '/';
  }
  return null;
}

function rewriteAddresses(html: string, ctx: BodyContext, notes: BodyNote[]): string {
  let out = html.replace(/<img\b([^>]*)>/gi, (tag, attrs: string) => {
    const src = decodeHtmlEntities(/\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs)?.slice(1).find((v) => v !== undefined) ?? '');
    const alt = decodeHtmlEntities(/\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs)?.slice(1).find((v) => v !== undefined) ?? '');
    const image = src || attachmentIdOf(attrs) ? ctx.resolveImage({ url: src, attachmentId: attachmentIdOf(attrs) }) : null;
    if (image) return imageTag(image, alt);
    if (src && ownPath(src, ctx.siteUrls) !== null) notes.push({ code: 'missing-image', detail: src });
    else if (src && !src.startsWith('/')) notes.push({ code: 'missing-image', detail: `${src} (another site's image, not carried over)` });
    else if (src) notes.push({ code: 'missing-image', detail: src });
    return '';
  });
  out = out.replace(/<a\b([^>]*)>/gi, (tag, attrs: string) => {
    const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
    if (!m) return tag;
    const href = decodeHtmlEntities(m[1] ?? m[2] ?? '').trim();
    const path = /^(?:https?:)?\/\//i.test(href) ? ownPath(href, ctx.siteUrls) : null;
    return path === null ? `<a href="${esc(href)}">` : `<a href="${esc(path)}">`;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The cleaned HTML into the editor's document

type Mark = { type: string; attrs?: Record<string, unknown> };
type Inline = EditorNode;

const collapse = (text: string) => text.replace(/[ \t\n\r\f]+/g, ' ');
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'head', 'title', 'textarea', 'select', 'button', 'input', 'form', 'video', 'audio', 'canvas', 'map']);

function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (SKIP.has(node.tag)) return '';
  return node.children.map(textOf).join(node.tag === 'br' ? '\n' : '');
}

class DocBuilder {
  blocks: EditorNode[] = [];
  private inline: Inline[] = [];

  flush() {
    // Trim the paragraph's outer spaces; an all-space paragraph is nothing.
    const items = this.inline;
    this.inline = [];
    while (items.length && items[0]!.type === 'text' && !items[0]!.text!.trim()) items.shift();
    while (items.length && items.at(-1)!.type === 'text' && !items.at(-1)!.text!.trim()) items.pop();
    if (!items.length) return;
    if (items[0]!.type === 'text') items[0] = { ...items[0]!, text: items[0]!.text!.trimStart() };
    const end = items.length - 1;
    if (items[end]!.type === 'text') items[end] = { ...items[end]!, text: items[end]!.text!.trimEnd() };
    this.blocks.push({ type: 'paragraph', content: items });
  }

  text(text: string, marks: Mark[]) {
    const value = collapse(text);
    if (!value) return;
    const prev = this.inline.at(-1);
    if (value === ' ' && (!prev || prev.type === 'hardBreak' || prev.text?.endsWith(' '))) return;
    this.inline.push(marks.length ? { type: 'text', text: value, marks: marks.map((m) => ({ ...m })) as EditorNode['marks'] } : { type: 'text', text: value });
  }

  image(el: HtmlElement, caption: string) {
    this.flush();
    const a = el.attrs;
    this.blocks.push({ type: 'image', attrs: { src: a.src ?? '', alt: a.alt ?? '', caption: caption || null, credit: null, width: a.width, height: a.height } });
  }

  inlineChildren(children: HtmlNode[], marks: Mark[]) {
    for (const child of children) this.inlineNode(child, marks);
  }

  inlineNode(node: HtmlNode, marks: Mark[]) {
    if (typeof node === 'string') return this.text(node, marks);
    const tag = node.tag;
    if (SKIP.has(tag)) return;
    if (tag === 'br') return void this.inline.push({ type: 'hardBreak' });
    if (tag === 'img') return this.image(node, '');
    if (BLOCK_TAGS.has(tag)) {
      this.flush();
      this.blockNode(node);
      return;
    }
    let next = marks;
    if (tag === 'strong' || tag === 'b') next = [...marks, { type: 'bold' }];
    else if (tag === 'em' || tag === 'i' || tag === 'cite') next = [...marks, { type: 'italic' }];
    else if (tag === 'a' && node.attrs.href) next = [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href: node.attrs.href } }];
    this.inlineChildren(node.children, next);
  }

  /** A block's inline content as paragraphs of its own (for list items and quotes). */
  paragraphsOf(children: HtmlNode[]): EditorNode[] {
    const inner = new DocBuilder();
    for (const c of children) inner.inlineNode(c, []);
    inner.flush();
    return inner.blocks;
  }

  blockNode(el: HtmlElement) {
    const tag = el.tag;
    switch (tag) {
      case 'p':
      case 'address':
        this.flush();
        this.inlineChildren(el.children, []);
        this.flush();
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        this.flush();
        const inner = this.paragraphsOf(el.children).filter((b) => b.type === 'paragraph');
        const content = inner.flatMap((p, i) => (i ? [{ type: 'hardBreak' }, ...(p.content ?? [])] : (p.content ?? [])));
        if (content.length) this.blocks.push({ type: 'heading', attrs: { level: tag === 'h3' ? 3 : 2 }, content });
        return;
      }
      case 'blockquote': {
        this.flush();
        let cite = el.attrs['data-cite'] ?? '';
        const rest = el.children.filter((c) => {
          if (typeof c !== 'string' && (c.tag === 'cite' || c.tag === 'footer') && !cite) {
            cite = collapse(textOf(c)).trim().replace(/^[—–-]\s*/, '');
            return false;
          }
          return true;
        });
        const content = this.paragraphsOf(rest);
        const paras = content.filter((b) => b.type === 'paragraph');
        this.blocks.push({ type: 'blockquote', attrs: { cite: cite || null }, content: paras });
        for (const b of content) if (b.type !== 'paragraph') this.blocks.push(b);
        return;
      }
      case 'ul':
      case 'ol': {
        this.flush();
        const items: EditorNode[] = [];
        for (const li of el.children) {
          if (typeof li === 'string') {
            if (li.trim()) items.push({ type: 'listItem', content: this.paragraphsOf([li]) });
            continue;
          }
          const content = this.paragraphsOf(li.tag === 'li' ? li.children : [li]);
          if (content.length) items.push({ type: 'listItem', content });
        }
        if (items.length) this.blocks.push({ type: tag === 'ol' ? 'orderedList' : 'bulletList', content: items });
        return;
      }
      case 'figure': {
        this.flush();
        if (el.attrs['data-wp-embed']) {
          this.blocks.push({ type: 'embed', attrs: { url: el.attrs['data-wp-embed'] } });
          return;
        }
        // A gallery is a figure of figures: each image with its own caption.
        const nested = el.children.some((c) => typeof c !== 'string' && c.tag === 'figure');
        const img = nested ? null : findFirst(el, 'img');
        const caption = el.children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'figcaption');
        if (img) {
          this.image(img, caption ? collapse(textOf(caption)).trim() : '');
          // Anything else in the figure (a gallery's other images) follows.
          for (const c of el.children) if (c !== caption && !(typeof c !== 'string' && (c === img || containsNode(c, img)))) this.inlineNode(c, []);
          this.flush();
          return;
        }
        this.inlineChildren(el.children, []);
        this.flush();
        return;
      }
      case 'pre': {
        this.flush();
        const lines = textOf(el).replace(/\r\n?/g, '\n').split('\n');
        const content = lines.flatMap((line, i) => [...(i ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]);
        if (content.some((n) => n.type === 'text')) this.blocks.push({ type: 'paragraph', content });
        return;
      }
      case 'hr':
        this.flush();
        return;
      case 'table': {
        this.flush();
        const rows: EditorNode[] = [];
        const caption = el.children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'caption');
        const collectRows = (node: HtmlElement) => {
          for (const c of node.children) {
            if (typeof c === 'string') continue;
            if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') collectRows(c);
            else if (c.tag === 'tr') {
              const cells = c.children
                .filter((d): d is HtmlElement => typeof d !== 'string' && (d.tag === 'td' || d.tag === 'th'))
                .map((d) => ({ type: d.tag === 'th' ? 'tableHeader' : 'tableCell', attrs: { colspan: Number(d.attrs.colspan) || undefined, rowspan: Number(d.attrs.rowspan) || undefined }, content: this.paragraphsOf(d.children) }));
              if (cells.length) rows.push({ type: 'tableRow', content: cells });
            }
          }
        };
        collectRows(el);
        if (rows.length) this.blocks.push({ type: 'table', attrs: { caption: caption ? collapse(textOf(caption)).trim() : (el.attrs['data-caption'] ?? null) }, content: rows });
        return;
      }
      default:
        // div, section, table cells and the rest: their content, block by block.
        this.flush();
        for (const c of el.children) this.inlineNode(c, []);
        this.flush();
    }
  }
}

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'pre', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'dl', 'dt', 'dd', 'address', 'figcaption', 'li', 'details', 'summary']);

function findFirst(el: HtmlElement, tag: string): HtmlElement | null {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.tag === tag) return c;
    const inner = findFirst(c, tag);
    if (inner) return inner;
  }
  return null;
}
const containsNode = (el: HtmlElement, target: HtmlElement): boolean => el.children.some((c) => c === target || (typeof c !== 'string' && containsNode(c, target)));

/** Cleaned HTML (as a paste would be) into the stored body, through the editor's own conversion. */
export function htmlToBody(html: string): ArticleBody {
  const builder = new DocBuilder();
  builder.blockNode({ tag: 'div', attrs: {}, children: parseHtml(html).children });
  return editorDocToBody({ type: 'doc', content: builder.blocks });
}

const UNSAFE = /<(?:script|iframe|object|embed|style)\b|\son[a-z]+\s*=|javascript:|vbscript:|data:text\/html/i;

/** A WordPress post's content as Broadsheet's body, with a note for everything not carried over as it was. */
export function convertWordPressContent(content: string, ctx: BodyContext): { body: ArticleBody; notes: BodyNote[] } {
  const notes: BodyNote[] = [];
  if (UNSAFE.test(content)) notes.push({ code: 'unsafe-markup', detail: 'Scripts, frames, event handlers or script links were removed' });
  let html = /<!--\s+wp:/.test(content) ? blocksToHtml(content, notes) : autop(content);
  // Addresses first: the images a [gallery] adds are the library's already.
  html = rewriteAddresses(html, ctx, notes);
  html = shortcodesToHtml(html, ctx, notes);
  html = cleanPastedHtml(html);
  const blockCount = parseHtml(html).children.length;
  const body = htmlToBody(html);
  if (body.content.length === 2000 && blockCount > 2000) notes.push({ code: 'truncated', detail: 'The body was longer than 2,000 blocks and was cut' });
  return { body, notes: dedupe(notes) };
}

function dedupe(notes: BodyNote[]): BodyNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.code}\u0000${n.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A comment's HTML as the plain text Broadsheet stores (paragraphs kept as blank lines). */
export function commentHtmlToText(html: string): string {
  const body = htmlToBody(cleanPastedHtml(autop(html)));
  const lines: string[] = [];
  for (const b of body.content) {
    if (b.type === 'paragraph' || b.type === 'heading') lines.push((b.content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join(''));
    else if (b.type === 'blockquote' || b.type === 'bulletList' || b.type === 'orderedList') {
      const paras = b.type === 'blockquote' ? b.content : b.content.flatMap((i) => i.content);
      for (const p of paras) lines.push((p.content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join(''));
    }
  }
  return lines.join('\n\n').trim();
}

/** A title or excerpt as plain text: tags and scripts gone, entities decoded, spacing collapsed. */
export function plainText(html: string): string {
  return collapse(
    parseHtml(html)
      .children.map(textOf)
      .join(''),
  )
    .replace(/\u00a0/g, ' ')
    .trim();
}
