import { describe, expect, it } from 'vitest';
import { articleBodySchema } from './article-body';
import { editorDocToBody } from './editor-doc';

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
