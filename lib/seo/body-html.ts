// The structured article body as an HTML string, for feed readers (RSS content:encoded). The body
// is never stored as HTML: every piece of text is escaped here, links are limited to the schemes
// the editor allows, and site-relative URLs become absolute, because a feed is read elsewhere.
import type { ArticleBody, Block, Inline, Paragraph } from '../article-body';
import { defaultEmbedTitle, PROVIDER_NAMES, recogniseEmbed } from '../embeds';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

function absolute(href: string, base: string): string {
  if (href.startsWith('/') && !href.startsWith('//')) return `${base}${href}`;
  return href;
}

function inline(nodes: Inline[] | undefined, base: string): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      let out = escapeHtml(node.text);
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') out = `<strong>${out}</strong>`;
        else if (mark.type === 'italic') out = `<em>${out}</em>`;
        else if (mark.type === 'link' && SAFE_HREF.test(mark.attrs.href)) out = `<a href="${escapeHtml(absolute(mark.attrs.href, base))}">${out}</a>`;
      }
      return out;
    })
    .join('');
}

function block(b: Block, base: string): string {
  switch (b.type) {
    case 'paragraph':
      return b.content?.length ? `<p>${inline(b.content, base)}</p>` : '';
    case 'heading':
      return `<h${b.attrs.level}>${inline(b.content, base)}</h${b.attrs.level}>`;
    case 'blockquote': {
      const cite = b.attrs?.cite ? `<figcaption>${escapeHtml(b.attrs.cite)}</figcaption>` : '';
      return `<figure><blockquote>${b.content.map((p) => `<p>${inline(p.content, base)}</p>`).join('')}</blockquote>${cite}</figure>`;
    }
    case 'bulletList':
    case 'orderedList': {
      const tag = b.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${b.content.map((item) => `<li>${item.content.map((p) => inline(p.content, base)).join(' ')}</li>`).join('')}</${tag}>`;
    }
    case 'image': {
      const { src, alt, caption, credit, width, height } = b.attrs;
      if (!/^\/(?!\/)/.test(src)) return '';
      const size = width && height ? ` width="${width}" height="${height}"` : '';
      const text = [caption, credit].filter(Boolean).map((t) => escapeHtml(t!)).join(' ');
      return `<figure><img src="${escapeHtml(absolute(src, base))}" alt="${escapeHtml(alt)}"${size}>${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
    }
    case 'embed': {
      // Feed readers get a plain link: no frame, no script, nothing loaded from the provider.
      const found = recogniseEmbed(b.attrs.url);
      if (!found) return '';
      const title = b.attrs.title || defaultEmbedTitle(found);
      const text = [b.attrs.caption, b.attrs.credit].filter(Boolean).map((t) => escapeHtml(t!)).join(' ');
      return `<p><a href="${escapeHtml(found.url)}">${escapeHtml(title)}</a> (${escapeHtml(PROVIDER_NAMES[found.provider])})${text ? `<br>${text}` : ''}</p>`;
    }
    case 'table': {
      const cells = (ps: Paragraph[]) => ps.map((p) => inline(p.content, base)).join('<br>');
      const span = (a?: { colspan?: number; rowspan?: number }) => `${a?.colspan ? ` colspan="${a.colspan}"` : ''}${a?.rowspan ? ` rowspan="${a.rowspan}"` : ''}`;
      const rows = b.content.map((row) => `<tr>${row.content.map((c) => (c.type === 'tableHeader' ? `<th${span(c.attrs)}>${cells(c.content)}</th>` : `<td${span(c.attrs)}>${cells(c.content)}</td>`)).join('')}</tr>`).join('');
      return `<table>${b.attrs?.caption ? `<caption>${escapeHtml(b.attrs.caption)}</caption>` : ''}${rows}</table>`;
    }
    default:
      return '';
  }
}

/** The body as HTML with absolute URLs against `base` (the site URL, no trailing slash). */
export function bodyToHtml(body: ArticleBody, base: string): string {
  return body.content.map((b) => block(b, base)).join('\n');
}

/** Plain text (a comment) as escaped HTML paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
