// Conversion between the TipTap editor's documents and the stored body format
// (lib/article-body.ts). Into the store, only the nodes, marks and attributes Broadsheet renders
// survive, whatever was pasted or typed; out of it, every attribute the reader pages show goes
// into the editor, so opening an article and saving it loses nothing.
import { TABLE_LIMITS, type ArticleBody, type Block, type Inline, type ListItem, type Mark, type Paragraph, type TableCell, type TableRow } from './article-body';
import { recogniseEmbed } from './embeds';

type PMNode = { type?: string; attrs?: Record<string, unknown>; content?: PMNode[]; text?: string; marks?: { type?: string; attrs?: Record<string, unknown> }[] };

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

function marksOf(node: PMNode): Mark[] | undefined {
  const out: Mark[] = [];
  for (const m of node.marks ?? []) {
    if (m.type === 'bold') out.push({ type: 'bold' });
    else if (m.type === 'italic') out.push({ type: 'italic' });
    else if (m.type === 'link' && typeof m.attrs?.href === 'string' && SAFE_HREF.test(m.attrs.href) && m.attrs.href.length <= 2000) {
      out.push({ type: 'link', attrs: { href: m.attrs.href } });
    }
  }
  return out.length ? out : undefined;
}

function inline(nodes: PMNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (n.type === 'text' && typeof n.text === 'string' && n.text.length > 0) {
      const marks = marksOf(n);
      out.push(marks ? { type: 'text', text: n.text.slice(0, 20000), marks } : { type: 'text', text: n.text.slice(0, 20000) });
    } else if (n.content) out.push(...inline(n.content));
  }
  return out;
}

const paragraph = (content: Inline[]): Paragraph => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });

/** Flattens anything (nested lists, headings inside quotes) into plain paragraphs. */
function paragraphsOf(node: PMNode): Paragraph[] {
  if (node.type === 'paragraph' || node.type === 'heading') return [paragraph(inline(node.content))];
  if (node.type === 'text' || node.type === 'hardBreak') return [paragraph(inline([node]))];
  return (node.content ?? []).flatMap(paragraphsOf);
}

function listItems(node: PMNode): ListItem[] {
  const items: ListItem[] = [];
  for (const li of node.content ?? []) {
    const paras = paragraphsOf(li).filter((p) => p.content?.length);
    if (paras.length) items.push({ type: 'listItem', content: paras });
  }
  return items;
}

function span(v: unknown, max: number): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 ? Math.min(n, max) : undefined;
}

/**
 * A table keeps its rows and cells, each cell's words as paragraphs (a list or a table inside a
 * cell is flattened). Rows and columns past the limits are kept, so saving refuses the table with
 * a message rather than silently cutting a reader's figures.
 */
function table(node: PMNode): Block[] {
  const rows: TableRow[] = [];
  for (const row of node.content ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: TableCell[] = [];
    for (const cell of row.content ?? []) {
      if (cell.type !== 'tableCell' && cell.type !== 'tableHeader') continue;
      const paras = paragraphsOf(cell).filter((p) => p.content?.length);
      const out: TableCell = { type: cell.type, content: paras.length ? paras : [{ type: 'paragraph' }] };
      const colspan = span(cell.attrs?.colspan, TABLE_LIMITS.columns);
      const rowspan = span(cell.attrs?.rowspan, TABLE_LIMITS.rows);
      if (colspan || rowspan) out.attrs = { ...(colspan ? { colspan } : {}), ...(rowspan ? { rowspan } : {}) };
      cells.push(out);
    }
    if (cells.length) rows.push({ type: 'tableRow', content: cells });
  }
  if (!rows.length) return [];
  const caption = typeof node.attrs?.caption === 'string' ? node.attrs.caption.replace(/\s+/g, ' ').trim().slice(0, 500) : '';
  return [caption ? { type: 'table', attrs: { caption }, content: rows } : { type: 'table', content: rows }];
}

function block(node: PMNode): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(inline(node.content))];
    case 'heading': {
      const level = node.attrs?.level === 3 ? 3 : 2;
      return [{ type: 'heading', attrs: { level }, content: inline(node.content) }];
    }
    case 'blockquote': {
      const paras = paragraphsOf(node).filter((p) => p.content?.length);
      if (!paras.length) return [];
      const cite = typeof node.attrs?.cite === 'string' ? node.attrs.cite.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
      return [cite ? { type: 'blockquote', attrs: { cite }, content: paras } : { type: 'blockquote', content: paras }];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = listItems(node);
      return items.length ? [{ type: node.type, content: items }] : [];
    }
    case 'image': {
      const a = node.attrs ?? {};
      const src = typeof a.src === 'string' ? a.src : '';
      if (!/^\/(?!\/)/.test(src)) return [];
      const str = (v: unknown, max: number) => (typeof v === 'string' && v ? v.slice(0, max) : undefined);
      const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
      const attrs: Extract<Block, { type: 'image' }>['attrs'] = { src, alt: typeof a.alt === 'string' ? a.alt.slice(0, 500) : '' };
      const caption = str(a.caption ?? a.title, 1000);
      const credit = str(a.credit, 200);
      const width = num(a.width);
      const height = num(a.height);
      if (caption) attrs.caption = caption;
      if (credit) attrs.credit = credit;
      if (width) attrs.width = width;
      if (height) attrs.height = height;
      return [{ type: 'image', attrs }];
    }
    case 'embed': {
      const a = node.attrs ?? {};
      // The address decides everything; one no pattern recognises becomes a plain link again.
      const found = typeof a.url === 'string' ? recogniseEmbed(a.url) : null;
      if (!found) return typeof a.url === 'string' && SAFE_HREF.test(a.url) ? [paragraph([{ type: 'text', text: a.url.slice(0, 2000), marks: [{ type: 'link', attrs: { href: a.url.slice(0, 2000) } }] }])] : [];
      const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);
      const attrs: Extract<Block, { type: 'embed' }>['attrs'] = { url: found.url, provider: found.provider };
      const title = text(a.title, 300);
      const caption = text(a.caption, 1000);
      const credit = text(a.credit, 200);
      if (title) attrs.title = title;
      if (caption) attrs.caption = caption;
      if (credit) attrs.credit = credit;
      return [{ type: 'embed', attrs }];
    }
    case 'table':
      return table(node);
    default:
      // Unknown blocks (code, rules) keep their words as paragraphs.
      return paragraphsOf(node).filter((p) => p.content?.length);
  }
}

export function editorDocToBody(doc: unknown): ArticleBody {
  const root = (doc ?? {}) as PMNode;
  const blocks = (root.content ?? []).flatMap(block);
  // An empty trailing paragraph is the editor's cursor line, not content.
  while (blocks.length && blocks.at(-1)!.type === 'paragraph' && !(blocks.at(-1) as Paragraph).content?.length) blocks.pop();
  return { type: 'doc', content: blocks.slice(0, 2000) };
}

/** A document as the editor loads it (TipTap's JSONContent, without depending on TipTap here). */
export type EditorNode = { type: string; attrs?: Record<string, unknown>; content?: EditorNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };
export type EditorDoc = { type: 'doc'; content: EditorNode[] };

/**
 * The stored body as the editor's schema expects it: a quote's source, an image's or embed's caption
 * and credit, a table's caption and cell spans become node attributes (null when absent, as TipTap's defaults are). An empty body is one
 * empty paragraph, the line the cursor starts on.
 */
export function bodyToEditorDoc(body: ArticleBody): EditorDoc {
  if (!body.content.length) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    type: 'doc',
    content: body.content.map((b): EditorNode => {
      if (b.type === 'blockquote') return { type: 'blockquote', attrs: { cite: b.attrs?.cite ?? null }, content: b.content };
      if (b.type === 'image') return { type: 'image', attrs: { ...b.attrs, caption: b.attrs.caption ?? null, credit: b.attrs.credit ?? null } };
      if (b.type === 'embed') return { type: 'embed', attrs: { url: b.attrs.url, provider: b.attrs.provider, title: b.attrs.title ?? null, caption: b.attrs.caption ?? null, credit: b.attrs.credit ?? null } };
      if (b.type === 'table') {
        return {
          type: 'table',
          attrs: { caption: b.attrs?.caption ?? null },
          content: b.content.map((row) => ({
            type: 'tableRow',
            content: row.content.map((cell) => ({ type: cell.type, attrs: { colspan: cell.attrs?.colspan ?? 1, rowspan: cell.attrs?.rowspan ?? 1, colwidth: null }, content: cell.content })),
          })),
        };
      }
      return b;
    }),
  };
}
