import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

// Lists as older Word, Outlook and hand-made documents write them: the bullet is plain text at the
// start of the item (a Symbol "·", a typed "•", Courier New's "o" for the second level), with no
// "mso-list:Ignore" span to say it is only a marker.
const CRUDE_BULLETS = `<p class=MsoNormal>Before the list.</p>
<p class=MsoListParagraphCxSpFirst style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l2 level1 lfo3'><span style='font-family:Symbol'>·</span><span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Pier lights repaired</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l2 level1 lfo3'>&#8226;&nbsp;Slipway <b>reopened</b></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l2 level2 lfo3'><span style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>only at high tide</p>
<p class=MsoListParagraphCxSpLast style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l2 level1 lfo3'>· Café on the quay open again</p>
<p class=MsoNormal style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l3 level1 lfo4'>2.&nbsp;&nbsp;Numbered by hand</p>
<p class=MsoNormal>After the list.</p>`;

describe('pasting crude Word bullets makes a real list without the bullet characters', () => {
  const out = cleanPastedHtml(CRUDE_BULLETS);
  const items = [...out.matchAll(/<li><p>([\s\S]*?)<\/p><\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim());

  it('makes each "·", "•" and "o" paragraph an item of one bulleted list', () => {
    expect(out).toMatch(/<p class=MsoNormal>Before the list\.<\/p>\s*<ul><li>/);
    expect(out).toMatch(/<\/li><\/ul><ol><li><p>Numbered by hand<\/p><\/li><\/ol>\s*<p class=MsoNormal>After the list\.<\/p>/);
    expect(items).toEqual(['Pier lights repaired', 'Slipway reopened', 'only at high tide', 'Café on the quay open again', 'Numbered by hand']);
  });

  it('keeps no bullet character, and keeps formatting inside the item', () => {
    expect(out).not.toMatch(/[·•]|&#8226;/);
    expect(out).toContain('Slipway <b>reopened</b>');
  });

  it('leaves a word that starts like a marker alone', () => {
    const words = cleanPastedHtml(`<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·&nbsp;</span>old harbour</p><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>open day</p>`);
    expect(words).toBe('<ul><li><p>old harbour</p></li><li><p>open day</p></li></ul>');
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

describe('a table pasted from Word stays a table with only safe table markup', () => {
  // Written for this project in the HTML Word puts on the clipboard: mso- styles and classes,
  // o:p elements, a MsoCaption paragraph, bold cells for the header row, a merged cell.
  const word = readFileSync(join(import.meta.dirname, '../test/fixtures/word-table.html'), 'utf8');
  const out = cleanPastedHtml(word);
  const table = /<table\b[^>]*>[\s\S]*<\/table>/.exec(out)?.[0] ?? '';

  it('keeps rows and cells apart instead of running the words together', () => {
    expect(table).toContain('<td><p>Adult</p></td><td><p>£4.20</p></td><td><p>£7.50</p></td>');
    expect(table.match(/<tr>/g)).toHaveLength(3);
    expect(table.match(/<t[dh]\b/g)).toHaveLength(8);
  });

  it('makes the bold first row the header row', () => {
    const firstRow = /<tr>([\s\S]*?)<\/tr>/.exec(table)![1]!;
    expect(firstRow.match(/<th>/g)).toHaveLength(3);
    expect(firstRow).not.toContain('<td');
    const secondRow = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)][1]![1]!;
    expect(secondRow).not.toContain('<th');
  });

  it('takes the MsoCaption paragraph beside the table as its caption', () => {
    expect(table).toMatch(/^<table data-caption="Table 1: Summer fares, Port Ellery to Gannet Sands">/);
    expect(out).not.toContain('MsoCaption');
  });

  it('keeps a merged cell’s span and drops every other attribute', () => {
    expect(table).toContain('<td colspan="2">');
    expect(table).not.toMatch(/mso-|width=|valign|border|style=|onclick|cellspacing|class=MsoTableGrid/i);
    expect(out).not.toMatch(/<\/?o:p>/);
  });

  it('keeps the words around the table as paragraphs', () => {
    expect(out).toContain('Fares on the Gannet Sands ferry from 1 May:');
    expect(out).toContain('Tickets are sold on board.');
  });

  it('keeps a thead as header cells and leaves a first row that is not all bold as data', () => {
    const html = cleanPastedHtml('<table style="x"><thead><tr><td>Tide</td><td>Time</td></tr></thead><tbody><tr><td>High</td><td>06:12</td></tr></tbody></table>');
    expect(html).toBe('<table><tr><th>Tide</th><th>Time</th></tr><tr><td>High</td><td>06:12</td></tr></table>');
    const plain = cleanPastedHtml('<table><tr><td><b>High</b> water</td><td>06:12</td></tr><tr><td>Low</td><td>12:30</td></tr></table>');
    expect(plain).not.toContain('<th');
  });

  it('keeps an HTML caption, flattens a nested table into its cell’s words, and drops iframes and scripts inside cells', () => {
    const html = cleanPastedHtml(
      '<table><caption>Results</caption><tr><td>Outer<table><tr><td>In A</td><td>In B</td></tr></table></td><td><iframe src="https://evil.example/"></iframe><script>alert(1)</script>ok</td></tr></table>',
    );
    expect(html).toBe('<table data-caption="Results"><tr><td>Outer<p>In A · In B</p></td><td>ok</td></tr></table>');
  });
});
