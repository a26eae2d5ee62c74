// The article body as structured content: a ProseMirror (TipTap) document, so the newsroom's
// editor can store exactly what it edits and the reader pages can render it without raw HTML.
import { z } from 'zod';

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
export type Block = Paragraph | Heading | Blockquote | BulletList | OrderedList | Figure;
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
const blockSchema: z.ZodType<Block> = z.union([
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
    }
  }
  return lines.filter(Boolean).join('\n');
}
