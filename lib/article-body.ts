// The article body as structured content: a ProseMirror (TipTap) document, so the newsroom's
// editor can store exactly what it edits and the reader pages can render it without raw HTML.
import { z } from 'zod';
import { EMBED_PROVIDERS, recogniseEmbed, type EmbedProvider } from './embeds';

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

export type TextNode = { type: 'text'; text: string; marks?: Mark[] };
export type HardBreak = { type: 'hardBreak' };
export type Inline = TextNode | HardBreak;

export type Paragraph = { type: 'paragraph'; content?: Inline[] };
export type Heading = { type: 'heading'; attrs: { level: 2 | 3 }; content?: Inline[] };
export type Blockquote = { type: 'blockquote'; attrs?: { cite?: string }; content: Paragraph[] };
export type ListItem = { type: 'listItem'; content: Paragraph[] };
export type BulletList = { type: 'bulletList'; content: ListItem[] };
export type OrderedList = { type: 'orderedList'; content: ListItem[] };
export type Figure = {
  type: 'image';
  attrs: { src: string; alt: string; caption?: string; credit?: string; width?: number; height?: number };
};
/**
 * A video, social post or map from a provider (lib/embeds.ts), stored as the address the editor
 * pasted in its canonical form: what it loads is derived from that address at render time.
 */
export type Embed = {
  type: 'embed';
  attrs: { url: string; provider: EmbedProvider; title?: string; caption?: string; credit?: string };
};
export type TableCell = { type: 'tableCell' | 'tableHeader'; attrs?: { colspan?: number; rowspan?: number }; content: Paragraph[] };
export type TableRow = { type: 'tableRow'; content: TableCell[] };
export type Table = { type: 'table'; attrs?: { caption?: string }; content: TableRow[] };
export type Block = Paragraph | Heading | Blockquote | BulletList | OrderedList | Figure | Embed | Table;
export type ArticleBody = { type: 'doc'; content: Block[] };

const safeHref = z
  .string()
  .max(2000)
  .refine((href) => /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href), 'Links must be http(s), mailto, or site-relative');

const markSchema: z.ZodType<Mark> = z.union([
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);
const inlineSchema: z.ZodType<Inline> = z.union([
  z.object({ type: z.literal('text'), text: z.string().min(1).max(20000), marks: z.array(markSchema).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]);
const paragraphSchema = z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema).optional() });
const listItemSchema = z.object({ type: z.literal('listItem'), content: z.array(paragraphSchema).min(1) });
/** Bounds on a table: a story's table, not a spreadsheet (that belongs in a linked file). */
export const TABLE_LIMITS = { rows: 200, columns: 20, cellCharacters: 2000 } as const;

const spanSchema = z.number().int().min(1).max(TABLE_LIMITS.columns).optional();
const cellSchema = z.object({
  type: z.union([z.literal('tableCell'), z.literal('tableHeader')]),
  attrs: z.object({ colspan: spanSchema, rowspan: z.number().int().min(1).max(TABLE_LIMITS.rows).optional() }).optional(),
  content: z
    .array(paragraphSchema)
    .min(1)
    .max(20)
    .refine((ps) => ps.reduce((n, p) => n + (p.content ?? []).reduce((m, i) => m + (i.type === 'text' ? i.text.length : 1), 0), 0) <= TABLE_LIMITS.cellCharacters, `A table cell can hold at most ${TABLE_LIMITS.cellCharacters.toLocaleString('en-GB')} characters.`),
});
const rowSchema = z.object({
  type: z.literal('tableRow'),
  content: z.array(cellSchema).min(1, 'A table row needs at least one cell.').max(TABLE_LIMITS.columns, `A table can have at most ${TABLE_LIMITS.columns} columns.`),
});
const tableSchema = z.object({
  type: z.literal('table'),
  attrs: z.object({ caption: z.string().max(500, 'A table caption can be at most 500 characters.').optional() }).optional(),
  content: z.array(rowSchema).min(1, 'A table needs at least one row.').max(TABLE_LIMITS.rows, `A table can have at most ${TABLE_LIMITS.rows} rows: put a longer one in a linked file.`),
});

const embedSchema = z
  .object({
    type: z.literal('embed'),
    attrs: z.object({
      url: z.string().max(500),
      provider: z.enum(EMBED_PROVIDERS),
      title: z.string().max(300, 'An embed title can be at most 300 characters.').optional(),
      caption: z.string().max(1000, 'An embed caption can be at most 1,000 characters.').optional(),
      credit: z.string().max(200, 'An embed credit can be at most 200 characters.').optional(),
    }),
  })
  // The address must be one the patterns recognise, in their canonical form, from that provider:
  // nothing else decides what a reader's browser will load.
  .refine(
    (e) => {
      const found = recogniseEmbed(e.attrs.url);
      return found !== null && found.url === e.attrs.url && found.provider === e.attrs.provider;
    },
    { message: 'An embed must be a YouTube, Vimeo, Mastodon, Bluesky, X or OpenStreetMap address Broadsheet recognises; paste any other address as a link.', path: ['attrs', 'url'] },
  );

// By type, so a refused block reports its own problem (a table's row limit), not "Invalid input".
const blockSchema: z.ZodType<Block> = z.discriminatedUnion('type', [
  paragraphSchema,
  z.object({
    type: z.literal('heading'),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
    content: z.array(inlineSchema).optional(),
  }),
  z.object({
    type: z.literal('blockquote'),
    attrs: z.object({ cite: z.string().max(300).optional() }).optional(),
    content: z.array(paragraphSchema).min(1),
  }),
  z.object({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1) }),
  z.object({ type: z.literal('orderedList'), content: z.array(listItemSchema).min(1) }),
  z.object({
    type: z.literal('image'),
    attrs: z.object({
      src: z.string().regex(/^\/(?!\/)/, 'Images must be served by this site'),
      alt: z.string().max(500),
      caption: z.string().max(1000).optional(),
      credit: z.string().max(200).optional(),
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    }),
  }),
  embedSchema,
  tableSchema,
]);

export const articleBodySchema: z.ZodType<ArticleBody> = z.object({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(2000),
});

function inlineText(content: Inline[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

/** Plain text of a body, one block a line: for search, feeds' summaries and word counts. */
export function bodyToText(body: ArticleBody): string {
  const lines: string[] = [];
  for (const block of body.content) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        lines.push(inlineText(block.content));
        break;
      case 'blockquote':
        for (const p of block.content) lines.push(inlineText(p.content));
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.content) for (const p of item.content) lines.push(inlineText(p.content));
        break;
      case 'image':
        if (block.attrs.caption) lines.push(block.attrs.caption);
        break;
      case 'embed':
        lines.push(...[block.attrs.title, block.attrs.caption].filter((t): t is string => Boolean(t)));
        break;
      case 'table':
        if (block.attrs?.caption) lines.push(block.attrs.caption);
        // One row a line, cells apart: never "Cell ACell B".
        for (const row of block.content) lines.push(row.content.map((cell) => cell.content.map((p) => inlineText(p.content)).join(' ')).join(' \t '));
        break;
    }
  }
  return lines.filter(Boolean).join('\n');
}
