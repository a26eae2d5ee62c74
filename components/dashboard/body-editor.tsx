'use client';

import { Extension, Node, mergeAttributes } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useState } from 'react';
import type { ArticleBody } from '@/lib/article-body';
import { bodyToEditorDoc, editorDocToBody } from '@/lib/editor-doc';
import { defaultEmbedTitle, PROVIDER_NAMES, recogniseEmbed } from '@/lib/embeds';
import { cleanPastedHtml } from '@/lib/paste-cleanup';
import { LinkDialog } from './link-dialog';
import './body-editor.css';

// The article body editor: TipTap (ProseMirror) limited to what Broadsheet renders. Pasted HTML is
// cleaned first (lib/paste-cleanup.ts) and then parsed by this schema, which keeps paragraphs,
// crossheads, quotes (with their source), lists, links, bold and italic, tables and embeds and
// drops the rest. A pasted address of a video, post or map (lib/embeds.ts) becomes an embed block.
// Output is normalised to the stored body format (lib/editor-doc.ts) on every change.

export type MediaChoice = { id: number; src: string; alt: string; caption: string; credit: string; width: number; height: number };

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

const ArticleImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: { default: null, parseHTML: (el) => el.getAttribute('data-caption'), renderHTML: (a) => (a.caption ? { 'data-caption': a.caption } : {}) },
      credit: { default: null, parseHTML: (el) => el.getAttribute('data-credit'), renderHTML: (a) => (a.credit ? { 'data-credit': a.credit } : {}) },
    };
  },
  // Only pictures served by this site: pasted images from elsewhere (tracking pixels) are dropped.
  parseHTML() {
    return [{ tag: 'img[src^="/"]:not([src^="//"])' }];
  },
});

/**
 * Who said a quote, shown under it on the reader page. An attribute of StarterKit's own blockquote
 * node, written to HTML as data-cite so that copying a quote inside the editor, or between two
 * articles, takes its source along. (HTML's own cite attribute is a URL, not a name, so it is not
 * read.)
 */
const QuoteSource = Extension.create({
  name: 'quoteSource',
  addGlobalAttributes() {
    return [
      {
        types: ['blockquote'],
        attributes: {
          cite: {
            default: null,
            parseHTML: (el) => el.getAttribute('data-cite') || null,
            renderHTML: (a) => (a.cite ? { 'data-cite': a.cite } : {}),
          },
        },
      },
    ];
  },
});

const dataAttr = (name: string) => ({
  default: null,
  parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) || null,
  renderHTML: (a: Record<string, unknown>) => (a[name] ? { [`data-${name}`]: String(a[name]) } : {}),
});

/**
 * A video, post or map: one block holding the address and the words the editor adds. The editor
 * shows a labelled box, never the provider's frame: nothing is loaded from the provider here.
 */
const EmbedBlock = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { url: dataAttr('embed-url'), provider: dataAttr('provider'), title: dataAttr('title'), caption: dataAttr('caption'), credit: dataAttr('credit') };
  },
  parseHTML() {
    return [{ tag: 'figure[data-embed-url]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const found = typeof node.attrs.url === 'string' ? recogniseEmbed(node.attrs.url) : null;
    const label = found ? `${PROVIDER_NAMES[found.provider]}: ${node.attrs.title || defaultEmbedTitle(found)}` : 'Not an embed this site recognises';
    const details = [node.attrs.caption, node.attrs.credit].filter(Boolean).join(' · ');
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'editor-embed', 'data-testid': 'editor-embed' }),
      ['p', { class: 'editor-embed-label' }, label],
      ['p', { class: 'editor-embed-url' }, String(node.attrs.url ?? '')],
      ['p', { class: 'editor-embed-caption' }, details || 'No caption yet: select the block to add one.'],
    ];
  },
});

/** A table's caption, kept as an attribute of the table (data-caption in HTML, as the paste cleaner writes it). */
const CaptionedTable = Table.extend({
  addAttributes() {
    return { ...this.parent?.(), caption: dataAttr('caption') };
  },
});

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['mailto'],
      HTMLAttributes: { rel: 'noopener', target: null },
      isAllowedUri: (url) => SAFE_HREF.test(url),
    },
  }),
  ArticleImage.configure({ inline: false, allowBase64: false }),
  QuoteSource,
  EmbedBlock,
  CaptionedTable.configure({ resizable: false, HTMLAttributes: { class: 'editor-table' } }),
  TableRow,
  TableHeader,
  TableCell,
];

function ToolbarButton({ label, pressed, onClick, children }: { label: string; pressed?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" aria-label={label} title={label} aria-pressed={pressed === undefined ? undefined : pressed} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children}
    </button>
  );
}

function Toolbar({ editor, media, onLink }: { editor: Editor; media: MediaChoice[]; onLink: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      quote: e.isActive('blockquote'),
      quoteSource: e.isActive('blockquote') ? ((e.getAttributes('blockquote').cite as string | null | undefined) ?? '') : null,
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      image: e.isActive('image') ? (e.getAttributes('image') as { alt?: string | null; caption?: string | null }) : null,
      embed: e.isActive('embed') ? (e.getAttributes('embed') as { url?: string | null; title?: string | null; caption?: string | null; credit?: string | null }) : null,
      table: e.isActive('table') ? { caption: (e.getAttributes('table').caption as string | null | undefined) ?? '' } : null,
    }),
  });
  const [picking, setPicking] = useState(false);
  const quoteHintId = useId();
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <ToolbarButton label="Bold" pressed={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
        <b>B</b>
      </ToolbarButton>
      <ToolbarButton label="Italic" pressed={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
        <i>I</i>
      </ToolbarButton>
      <ToolbarButton label="Link" pressed={state.link} onClick={onLink}>
        Link
      </ToolbarButton>
      <ToolbarButton label="Crosshead" pressed={state.h2} onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolbarButton>
      <ToolbarButton label="Subheading" pressed={state.h3} onClick={() => editor.chain().focus().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolbarButton>
      <ToolbarButton label="Quote" pressed={state.quote} onClick={() => editor.chain().focus().toggleBlockquote().run()}>
        “ ”
      </ToolbarButton>
      <ToolbarButton label="Bulleted list" pressed={state.bullets} onClick={() => editor.chain().focus().toggleBulletList().run()}>
        • List
      </ToolbarButton>
      <ToolbarButton label="Numbered list" pressed={state.numbers} onClick={() => editor.chain().focus().toggleOrderedList().run()}>
        1. List
      </ToolbarButton>
      <ToolbarButton label="Insert image" pressed={picking} onClick={() => setPicking((p) => !p)}>
        Image
      </ToolbarButton>
      <ToolbarButton label="Insert table" onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
        Table
      </ToolbarButton>
      <ToolbarButton label="Undo" onClick={() => editor.chain().focus().undo().run()}>
        Undo
      </ToolbarButton>
      <ToolbarButton label="Redo" onClick={() => editor.chain().focus().redo().run()}>
        Redo
      </ToolbarButton>
      {picking ? (
        <label style={{ flexBasis: '100%' }}>
          Image from the media library{' '}
          <select
            defaultValue=""
            onChange={(e) => {
              const m = media.find((x) => String(x.id) === e.target.value);
              if (m) {
                editor
                  .chain()
                  .focus()
                  .insertContent({ type: 'image', attrs: { src: m.src, alt: m.alt, caption: m.caption || null, credit: m.credit || null, width: m.width, height: m.height } })
                  .run();
              }
              setPicking(false);
            }}
          >
            <option value="">Choose an image…</option>
            {media.map((m) => (
              <option key={m.id} value={m.id}>
                {m.alt || m.src.split('/').at(-1)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {state.quoteSource !== null ? (
        <div style={{ flexBasis: '100%', display: 'grid', gap: '0.25rem' }}>
          <label>
            Quote source{' '}
            <input
              type="text"
              value={state.quoteSource}
              maxLength={300}
              aria-describedby={quoteHintId}
              onChange={(e) => editor.chain().updateAttributes('blockquote', { cite: e.target.value || null }).run()}
            />
          </label>
          <span id={quoteHintId} className="muted">
            Who said it, shown under the quote: a name, and a role where it helps.
          </span>
        </div>
      ) : null}
      {state.table ? (
        <div style={{ flexBasis: '100%', display: 'flex', flexWrap: 'wrap', gap: '0.25rem', alignItems: 'center' }} role="group" aria-label="Table">
          <label>
            Table caption{' '}
            <input type="text" value={state.table.caption} maxLength={500} onChange={(e) => editor.chain().updateAttributes('table', { caption: e.target.value || null }).run()} />
          </label>
          <ToolbarButton label="Add row" onClick={() => editor.chain().focus().addRowAfter().run()}>
            + Row
          </ToolbarButton>
          <ToolbarButton label="Add column" onClick={() => editor.chain().focus().addColumnAfter().run()}>
            + Column
          </ToolbarButton>
          <ToolbarButton label="Delete row" onClick={() => editor.chain().focus().deleteRow().run()}>
            − Row
          </ToolbarButton>
          <ToolbarButton label="Delete column" onClick={() => editor.chain().focus().deleteColumn().run()}>
            − Column
          </ToolbarButton>
          <ToolbarButton label="Header row on or off" onClick={() => editor.chain().focus().toggleHeaderRow().run()}>
            Header row
          </ToolbarButton>
          <ToolbarButton label="Delete table" onClick={() => editor.chain().focus().deleteTable().run()}>
            Delete table
          </ToolbarButton>
        </div>
      ) : null}
      {state.embed ? (
        <div style={{ flexBasis: '100%', display: 'grid', gap: '0.25rem' }} role="group" aria-label="Embed">
          <label>
            Embed title{' '}
            <input type="text" value={state.embed.title ?? ''} maxLength={300} placeholder="What readers see before they load it" onChange={(e) => editor.chain().updateAttributes('embed', { title: e.target.value || null }).run()} />
          </label>
          <label>
            Embed caption{' '}
            <input type="text" value={state.embed.caption ?? ''} maxLength={1000} onChange={(e) => editor.chain().updateAttributes('embed', { caption: e.target.value || null }).run()} />
          </label>
          <label>
            Embed credit{' '}
            <input type="text" value={state.embed.credit ?? ''} maxLength={200} onChange={(e) => editor.chain().updateAttributes('embed', { credit: e.target.value || null }).run()} />
          </label>
        </div>
      ) : null}
      {state.image ? (
        <div style={{ flexBasis: '100%', display: 'grid', gap: '0.25rem' }}>
          <label>
            Alt text of the selected image{' '}
            <input type="text" value={state.image.alt ?? ''} onChange={(e) => editor.chain().updateAttributes('image', { alt: e.target.value }).run()} />
          </label>
          <label>
            Caption{' '}
            <input type="text" value={state.image.caption ?? ''} onChange={(e) => editor.chain().updateAttributes('image', { caption: e.target.value || null }).run()} />
          </label>
        </div>
      ) : null}
    </div>
  );
}

export function BodyEditor({ initial, media, onChange, labelId }: { initial: ArticleBody; media: MediaChoice[]; onChange: (body: ArticleBody) => void; labelId: string }) {
  const editor = useEditor({
    extensions,
    content: bodyToEditorDoc(initial),
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { 'aria-labelledby': labelId, 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'body-editor' },
      transformPastedHTML: cleanPastedHtml,
      // An address on its own (a video, a post, a map) becomes an embed block; anything else is
      // pasted as usual, so an address no pattern knows stays a link.
      handlePaste: (view, event) => {
        const text = event.clipboardData?.getData('text/plain').trim() ?? '';
        const found = text && !/\s/.test(text) ? recogniseEmbed(text) : null;
        const type = view.state.schema.nodes.embed;
        if (!found || !type) return false;
        view.dispatch(view.state.tr.replaceSelectionWith(type.create({ url: found.url, provider: found.provider })).scrollIntoView());
        return true;
      },
    },
    onUpdate: ({ editor: e }) => onChange(editorDocToBody(e.getJSON())),
  });
  // The address being edited when the link dialog is open (empty for a new link), else null.
  const [linkHref, setLinkHref] = useState<string | null>(null);
  return (
    <div>
      {editor ? (
        <>
          <Toolbar editor={editor} media={media} onLink={() => setLinkHref((editor.getAttributes('link').href as string | undefined) ?? '')} />
          <LinkDialog
            open={linkHref !== null}
            initial={linkHref ?? ''}
            onApply={(href) => {
              const chain = editor.chain().focus().extendMarkRange('link');
              // With nothing selected the address itself becomes the linked text, so Apply always
              // leaves a link behind rather than doing nothing.
              if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
              else chain.setLink({ href }).run();
              setLinkHref(null);
            }}
            onRemove={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              setLinkHref(null);
            }}
            onClose={() => {
              setLinkHref(null);
              editor.commands.focus();
            }}
          />
        </>
      ) : (
        <div className="toolbar" aria-hidden="true" />
      )}
      <div className="prose-editor">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
