import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste-cleanup';

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{font-family:Calibri}</style></head>
<body><!--StartFragment--><h1 style="mso-margin-top-alt:auto">Ferry timetable changes</h1>
<p class=MsoNormal><span style='font-family:"Comic Sans MS"'>The new timetable starts in May.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Earlier first sailing</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>No late boat on Sundays</p>
<p class=MsoNormal>Then numbered:</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Buy a ticket</p>
<img src="https://tracker.example/pixel.gif" width=1 height=1><img src="/media/2026/ferry.jpg" alt="Ferry">
<script>alert(1)</script><!--EndFragment--></body></html>`;

describe('pasting from a word processor keeps structure and drops the rest', () => {
  const out = cleanPastedHtml(WORD);

  it('turns Word list paragraphs into real bulleted and numbered lists', () => {
    expect(out).toMatch(/<ul><li><p>Earlier first sailing<\/p><\/li><li><p>No late boat on Sundays<\/p><\/li><\/ul>/);
    expect(out).toMatch(/<ol><li><p>Buy a ticket<\/p><\/li><\/ol>/);
    expect(out).not.toContain('mso-list:Ignore');
  });

  it('drops scripts, styles, meta and conditional comments', () => {
    expect(out).not.toMatch(/<script|<style|<meta|supportLists|alert\(1\)/i);
  });

  it('drops images from other sites but keeps this site’s', () => {
    expect(out).not.toContain('tracker.example');
    expect(out).toContain('<img src="/media/2026/ferry.jpg" alt="Ferry">');
  });

  it('maps top-level headings to crossheads', () => {
    expect(out).toContain('<h2>Ferry timetable changes</h2>');
  });

  it('keeps ordinary paragraphs and links', () => {
    expect(cleanPastedHtml('<p>See <a href="https://example.org/report">the report</a>.</p>')).toBe('<p>See <a href="https://example.org/report">the report</a>.</p>');
  });
});

describe('pasting quotes keeps who said them', () => {
  it('leaves the source of a quote copied inside the editor alone', () => {
    const html = '<blockquote data-cite="Ann &quot;Nan&quot; Lee, mayor"><p>We will build it.</p></blockquote>';
    expect(cleanPastedHtml(html)).toBe(html);
  });

  it('moves the caption of a quote copied from a reader page onto the quote', () => {
    const html = '<figure class="pullquote"><blockquote><p>The wall will hold.</p></blockquote><figcaption>Mara Quist &amp; crew, <em>harbour</em> master</figcaption></figure><p>After.</p>';
    expect(cleanPastedHtml(html)).toBe('<blockquote data-cite="Mara Quist &amp; crew, harbour master"><p>The wall will hold.</p></blockquote><p>After.</p>');
  });

  it('keeps a quote whose figure has an empty caption, without a source', () => {
    expect(cleanPastedHtml('<figure><blockquote><p>Said.</p></blockquote><figcaption> — </figcaption></figure>')).toBe('<blockquote><p>Said.</p></blockquote>');
  });

  it('leaves figures that are not quotes (pictures and their captions) alone', () => {
    const html = '<figure><img src="/media/a.jpg" alt="A"><figcaption>A caption</figcaption></figure>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
