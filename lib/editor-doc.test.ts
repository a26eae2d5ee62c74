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

describe('embeds and tables survive the editor both ways', () => {
  const stored: ArticleBody = {
    type: 'doc',
    content: [
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ', provider: 'youtube', title: 'Lifeboat launch', caption: 'The launch at dawn', credit: 'Port Ellery RNLI' } },
      { type: 'embed', attrs: { url: 'https://www.openstreetmap.org/#map=14/50.12/-5.07', provider: 'openstreetmap' } },
      {
        type: 'table',
        attrs: { caption: 'Summer fares' },
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ticket' }] }] }, { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fare' }] }] }] },
          { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Free for children' }] }] }] },
        ],
      },
    ],
  };

  it('opens and saves an embed and a table unchanged', () => {
    const doc = bodyToEditorDoc(stored);
    expect(doc.content[1]).toEqual({ type: 'embed', attrs: { url: 'https://www.openstreetmap.org/#map=14/50.12/-5.07', provider: 'openstreetmap', title: null, caption: null, credit: null } });
    expect(doc.content[2]!.content![1]!.content![0]!.attrs).toEqual({ colspan: 2, rowspan: 1, colwidth: null });
    const saved = editorDocToBody(doc);
    expect(saved).toEqual(stored);
    expect(articleBodySchema.safeParse(saved).success).toBe(true);
  });

  it('stores an embed in its canonical form whatever form was pasted, with its provider from the address', () => {
    const body = editorDocToBody({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://youtu.be/Qm3bT_x9-aZ', provider: 'vimeo', title: '  ', caption: 'Dawn' } }] });
    expect(body.content).toEqual([{ type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ', provider: 'youtube', caption: 'Dawn' } }]);
  });

  it('turns an embed of an unknown provider back into a link, and drops one with a javascript: address', () => {
    const body = editorDocToBody({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://example.org/clip' } }, { type: 'embed', attrs: { url: 'javascript:alert(1)' } }] });
    expect(body.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'https://example.org/clip', marks: [{ type: 'link', attrs: { href: 'https://example.org/clip' } }] }] }]);
  });

  it('flattens lists and images inside a cell into its words, and drops rows without cells', () => {
    const body = editorDocToBody({
      type: 'doc',
      content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] }, { type: 'image', attrs: { src: '/a.jpg' } }] }] }, { type: 'tableRow', content: [] }] }],
    });
    expect(body.content).toEqual([{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] }] }]);
  });
});
