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

const VERB: Record<RecognisedEmbed['kind'], string> = { video: 'Watch', post: 'Read', map: 'See' };

/**
 * An embed as readers first meet it: what it is and where it comes from, a plain link to it, and
 * (with JavaScript) a button that loads the provider's frame. The policy of the page allows that
 * frame only because the proxy found this embed in the article (lib/embeds.ts).
 */
function Embed({ block }: { block: Extract<Block, { type: 'embed' }> }) {
  const found = recogniseEmbed(block.attrs.url);
  if (!found) return null;
  const provider = PROVIDER_NAMES[found.provider];
  const title = block.attrs.title || defaultEmbedTitle(found);
  const { caption, credit } = block.attrs;
  return (
    <figure className={`embed embed--${found.kind}`}>
      <EmbedLoader src={found.frameSrc} title={title} action={`Load the ${found.kind} from ${provider}`}>
        <p className="embed__provider">
          {provider} {found.kind}
        </p>
        <p className="embed__title">{title}</p>
        <p className="embed__link">
          <a href={found.url} rel="noopener noreferrer">
            {VERB[found.kind]} it on {provider}
          </a>
        </p>
        <p className="embed__notice">Loading it here lets {provider} see that you are reading this page and set cookies.</p>
      </EmbedLoader>
      {caption || credit ? (
        <figcaption>
          {caption}
          {credit ? <span className="credit"> {credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

const cellText = (content: Paragraph[]) => content.map((p, i) => (content.length > 1 ? <p key={i}>{renderInline(p.content)}</p> : <Fragment key={i}>{renderInline(p.content)}</Fragment>));

/**
 * A table readers can follow with a screen reader: the header row as column headers, a header cell
 * starting a body row as that row's header, the caption as the table's name, and a region that
 * scrolls sideways (by keyboard too) on a narrow phone rather than squeezing the columns.
 */
function BodyTable({ block, index }: { block: Extract<Block, { type: 'table' }>; index: number }) {
  const [first, ...rest] = block.content;
  const headerRow = first !== undefined && block.content.length > 1 && first.content.every((c) => c.type === 'tableHeader');
  const bodyRows = headerRow ? rest : block.content;
  const caption = block.attrs?.caption;
  const captionId = `table-caption-${index}`;
  const span = (c: Extract<Block, { type: 'table' }>['content'][number]['content'][number]) => ({ colSpan: c.attrs?.colspan, rowSpan: c.attrs?.rowspan });
  return (
    <div className="table-scroll" role="region" tabIndex={0} {...(caption ? { 'aria-labelledby': captionId } : { 'aria-label': 'Table' })}>
      <table className="body-table">
        {caption ? <caption id={captionId}>{caption}</caption> : null}
        {headerRow ? (
          <thead>
            <tr>
              {first.content.map((c, i) => (
                <th key={i} scope={c.attrs?.colspan && c.attrs.colspan > 1 ? 'colgroup' : 'col'} {...span(c)}>
                  {cellText(c.content)}
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {bodyRows.map((row, r) => (
            <tr key={r}>
              {row.content.map((c, i) =>
                c.type === 'tableHeader' ? (
                  <th key={i} scope={i === 0 ? 'row' : 'col'} {...span(c)}>
                    {cellText(c.content)}
                  </th>
                ) : (
                  <td key={i} {...span(c)}>
                    {cellText(c.content)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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

export function ArticleBody({ body, images = [] }: { body: Body; images?: (PictureImage & { librarySrc?: string })[] }) {
  // A cropped image is shown from its cropped file, but the body names the library's original.
  const bySrc = new Map(images.map((m) => [m.librarySrc ?? m.src, m]));
  return <div className="article-body">{body.content.map((block, i) => renderBlock(block, i, bySrc))}</div>;
}
