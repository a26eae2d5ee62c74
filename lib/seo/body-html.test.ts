import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../article-body';
import { bodyToHtml, textToHtml } from './body-html';

const base = 'https://news.example';

describe('bodyToHtml', () => {
  it('escapes text, so markup typed into a story stays text', () => {
    const body: ArticleBody = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert("x")</script> & co' }] }] };
    expect(bodyToHtml(body, base)).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>');
  });

  it('renders marks, headings, quotes and lists', () => {
    const body: ArticleBody = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Next' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'it', marks: [{ type: 'italic' }] }] },
        { type: 'blockquote', attrs: { cite: 'Mayor' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will' }] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
      ],
    };
    expect(bodyToHtml(body, base)).toBe(
      '<h2>Next</h2>\n<p><strong>bold</strong><br><em>it</em></p>\n<figure><blockquote><p>We will</p></blockquote><figcaption>Mayor</figcaption></figure>\n<ol><li>one</li></ol>',
    );
  });

  it('makes site links and images absolute, and drops links with other schemes', () => {
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'ours', marks: [{ type: 'link', attrs: { href: '/news' } }] },
            { type: 'text', text: 'evil', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
        { type: 'image', attrs: { src: '/demo/a.svg', alt: 'A "view"', caption: 'Dawn', credit: 'Photo: Us', width: 1600, height: 900 } },
      ],
    } as ArticleBody;
    const html = bodyToHtml(body, base);
    expect(html).toContain('<a href="https://news.example/news">ours</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('evil');
    expect(html).toContain('<img src="https://news.example/demo/a.svg" alt="A &quot;view&quot;" width="1600" height="900"><figcaption>Dawn Photo: Us</figcaption>');
  });
});

describe('textToHtml', () => {
  it('turns a comment into escaped paragraphs', () => {
    expect(textToHtml('Hello <b>you</b>\nsecond line\n\nNew para')).toBe('<p>Hello &lt;b&gt;you&lt;/b&gt;<br>second line</p>\n<p>New para</p>');
  });
});

describe('embeds and tables in feeds', () => {
  it('gives feed readers an embed as a plain link with its caption, and never a frame', () => {
    const html = bodyToHtml({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ', provider: 'youtube', title: 'Launch <at> dawn', caption: 'The crew', credit: 'RNLI' } }] }, 'https://news.example');
    expect(html).toBe('<p><a href="https://www.youtube.com/watch?v=Qm3bT_x9-aZ">Launch &lt;at&gt; dawn</a> (YouTube)<br>The crew RNLI</p>');
    expect(html).not.toMatch(/iframe|youtube-nocookie/);
  });

  it('keeps a table as a table with its header cells and caption, escaped', () => {
    const html = bodyToHtml(
      {
        type: 'doc',
        content: [
          {
            type: 'table',
            attrs: { caption: 'Fares & times' },
            content: [
              { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ticket' }] }] }] },
              { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '<b>Free</b>' }] }] }] },
            ],
          },
        ],
      },
      'https://news.example',
    );
    expect(html).toBe('<table><caption>Fares &amp; times</caption><tr><th>Ticket</th></tr><tr><td colspan="2">&lt;b&gt;Free&lt;/b&gt;</td></tr></table>');
  });
});
