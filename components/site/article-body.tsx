import { Fragment, type ReactNode } from 'react';
import { EmbedLoader } from '@/components/embeds/embed-loader';
import type { ArticleBody as Body, Block, Inline, Paragraph } from '@/lib/article-body';
import { defaultEmbedTitle, PROVIDER_NAMES, recogniseEmbed, type RecognisedEmbed } from '@/lib/embeds';
import './article-body.css';
import type { PictureImage } from '@/lib/media-variants';
import { PICTURE_SIZES, Picture } from './picture';

// Renders the structured body as React elements: no HTML string is ever injected, so nothing an
// editor pastes can become a script on a reader's page.

function external(href: string) {
  return /^https?:\/\//i.test(href);
}

function renderInline(nodes: Inline[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    if (node.type === 'hardBreak') return <br key={i} />;
    let out: ReactNode = node.text;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') out = <strong>{out}</strong>;
      else if (mark.type === 'italic') out = <em>{out}</em>;
      else if (mark.type === 'link' && /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(mark.attrs.href)) {
        out = external(mark.attrs.href) ? (
          <a href={mark.attrs.href} rel="noopener">
            {out}
          </a>
        ) : (
          <a href={mark.attrs.href}>{out}</a>
        );
      }
    }
    return <Fragment key={i}>{out}</Fragment>;
  });
}

function renderBlock(block: Block, key: number, images: Map<string, PictureImage>): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return block.content?.length ? <p key={key}>{renderInline(block.content)}</p> : null;
    case 'heading':
      return block.attrs.level === 2 ? <h2 key={key}>{renderInline(block.content)}</h2> : <h3 key={key}>{renderInline(block.content)}</h3>;
    case 'blockquote':
      return (
        <figure key={key} className="pullquote">
          <blockquote>
            {block.content.map((p, i) => (
              <p key={i}>{renderInline(p.content)}</p>
            ))}
          </blockquote>
          {block.attrs?.cite ? <figcaption>{block.attrs.cite}</figcaption> : null}
        </figure>
      );
    case 'bulletList':
    case 'orderedList': {
      const List = block.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <List key={key}>
          {block.content.map((item, i) => (
            <li key={i}>{item.content.map((p) => renderInline(p.content))}</li>
          ))}
        </List>
      );
    }
    case 'image': {
      const { src, alt, caption, credit, width, height } = block.attrs;
      if (!/^\/(?!\/)/.test(src)) return null;
      // The library's row, when the figure is one of its images: its derivatives and true size.
      const stored = images.get(src);
      return (
        <figure key={key} className="inline-figure">
          {stored ? <Picture image={stored} alt={alt} sizes={PICTURE_SIZES.article} /> : <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />}
          {caption || credit ? (
            <figcaption>
              {caption}
              {credit ? <span className="credit"> {credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    }
    case 'embed':
      return <Embed key={key} block={block} />;
    case 'table':
      return <BodyTable key={key} block={block} index={key} />;
    default:
      return null;
  }
}

export function ArticleBody({ body, images = [] }: { body: Body; images?: PictureImage[] }) {
  const bySrc = new Map(images.map((m) => [m.src, m]));
  return <div className="article-body">{body.content.map((block, i) => renderBlock(block, i, bySrc))}</div>;
}
