import { describe, expect, it } from 'vitest';
import { articleBodySchema, type ArticleBody } from './article-body';
import { bodyToEditorDoc, editorDocToBody } from './editor-doc';

describe('editor documents become stored bodies with only what Broadsheet renders', () => {
  it('keeps paragraphs, crossheads, quotes, lists, links and images', () => {
    const body = editorDocToBody({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, id: 'x' }, content: [{ type: 'text', text: 'Crosshead' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Read ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank', class: 'x' } }] }] },
        { type: 'blockquote', content: [{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Quoted' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nested' }] }] }] }] }] },
        { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A', title: 'Caption', width: '640' } },
        { type: 'paragraph' },
      ],
    });
    expect(articleBodySchema.safeParse(body).success).toBe(true);
    expect(body.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'blockquote', 'bulletList', 'image']);
    expect(body.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Read ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] });
    expect(body.content[3]).toEqual({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Nested' }] }] }] });
    expect(body.content[4]).toEqual({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'A', caption: 'Caption', width: 640 } });
  });

  it('drops unsafe links and foreign images, and keeps the words of unknown blocks', () => {
    const body = editorDocToBody({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'strike' }] }] },
        { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: '' } },
        { type: 'codeBlock', content: [{ type: 'text', text: 'kept as words' }] },
      ],
    });
    expect(body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'kept as words' }] }] });
  });
});

describe('a quote keeps its source between the stored body and the editor', () => {
  const stored: ArticleBody = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'The council met on Tuesday.' }] },
      { type: 'blockquote', attrs: { cite: 'Mara Quist, harbour master' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The wall will hold.' }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nobody said this.' }] }] },
      { type: 'image', attrs: { src: '/media/wall.jpg', alt: 'The wall', caption: 'The wall at dawn', credit: 'Staff', width: 800, height: 600 } },
    ],
  };

  it('opens a cited quote in the editor with its source as the node attribute', () => {
    const doc = bodyToEditorDoc(stored);
    expect(doc.content[1]).toEqual({ type: 'blockquote', attrs: { cite: 'Mara Quist, harbour master' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The wall will hold.' }] }] });
    // A quote without a source gets TipTap's default (null), not a made-up one.
    expect(doc.content[2]!.attrs).toEqual({ cite: null });
  });

  it('saves what was opened unchanged: source, quote without source, image caption and credit', () => {
    const saved = editorDocToBody(bodyToEditorDoc(stored));
    expect(saved).toEqual(stored);
    expect(articleBodySchema.safeParse(saved).success).toBe(true);
  });

  it('stores a source edited in the editor, tidied and within the length the body allows', () => {
    const doc = bodyToEditorDoc(stored);
    doc.content[1]!.attrs = { cite: '  Mara   Quist,\nretired harbour master ' };
    doc.content[2]!.attrs = { cite: 'x'.repeat(400) };
    const saved = editorDocToBody(doc);
    expect(saved.content[1]).toMatchObject({ type: 'blockquote', attrs: { cite: 'Mara Quist, retired harbour master' } });
    expect(saved.content[2]).toMatchObject({ type: 'blockquote', attrs: { cite: 'x'.repeat(300) } });
    expect(articleBodySchema.safeParse(saved).success).toBe(true);
  });

  it('drops an emptied or non-text source rather than storing an empty one', () => {
    const doc = bodyToEditorDoc(stored);
    doc.content[1]!.attrs = { cite: '   ' };
    doc.content[2]!.attrs = { cite: 42 };
    const saved = editorDocToBody(doc);
    expect(saved.content[1]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The wall will hold.' }] }] });
    expect(saved.content[2]).not.toHaveProperty('attrs');
  });

  it('opens an empty body as one empty line to type on', () => {
    expect(bodyToEditorDoc({ type: 'doc', content: [] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
