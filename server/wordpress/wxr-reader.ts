import 'server-only';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { WxrAuthor, WxrComment, WxrItem, WxrRecord, WxrSite, WxrTerm } from '../../lib/wordpress/wxr';

// Reads a WordPress export (WXR 1.0–1.2: RSS 2.0 with the wp:, content:, excerpt: and dc:
// namespaces) as a stream of records, one author, term or item at a time, so memory follows the
// largest single post, never the file. A file may be gzipped (told by its first bytes, not its
// name), and an export split over several files is read as one, in the order given.
// Namespaces are matched by their URI, not by prefix, as XML intends.

export class WxrError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

const NS_CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const NS_DC = 'http://purl.org/dc/elements/1.1/';
const WP_NS = /^http:\/\/wordpress\.org\/export\/(1\.[0-2])\/$/;
const EXCERPT_NS = /^http:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/;

/** A short stable name for an element: "wp:post_id", "content:encoded", "title". */
function qname(tag: SaxesTagNS): string {
  const uri = tag.uri;
  if (!uri) return tag.local;
  if (uri === NS_CONTENT) return `content:${tag.local}`;
  if (uri === NS_DC) return `dc:${tag.local}`;
  if (EXCERPT_NS.test(uri)) return `excerpt:${tag.local}`;
  if (WP_NS.test(uri)) return `wp:${tag.local}`;
  return `{${uri}}${tag.local}`;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

const int = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v.trim()) : 0);

type Frame = { name: string; attrs: Record<string, string>; text: string[] };

/**
 * Builds records from the parser's events. Everything inside <item>, <wp:author>, <wp:category>,
 * <wp:tag> and <wp:term> is gathered; the channel's own fields make the site record.
 */
class RecordBuilder {
  records: WxrRecord[] = [];
  site: WxrSite = { title: '', link: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', language: '' };
  siteSent = false;
  sawRss = false;
  stack: Frame[] = [];
  item: WxrItem | null = null;
  comment: WxrComment | null = null;
  meta: { key: string; value: string } | null = null;
  commentMeta: { key: string; value: string } | null = null;
  author: WxrAuthor | null = null;
  term: WxrTerm | null = null;

  constructor(readonly file: string, readonly fileIndex: number) {}

  private sendSite() {
    if (this.siteSent) return;
    this.siteSent = true;
    this.records.push({ kind: 'site', site: { ...this.site } });
  }

  open(name: string, attrs: Record<string, string>, depth: number) {
    this.stack.push({ name, attrs, text: [] });
    if (depth === 1) {
      if (name !== 'rss') throw new Error(`this is not a WordPress export: the file starts with <${name}>, not <rss>`);
      this.sawRss = true;
      return;
    }
    if (name === 'item' && depth === 3) {
      this.sendSite();
      this.item = emptyItem(this.fileIndex);
    } else if (this.item && name === 'wp:comment') {
      this.comment = { id: 0, author: '', authorEmail: '', authorUrl: '', authorIp: '', date: '', dateGmt: '', content: '', approved: '', type: '', parent: 0, userId: 0 };
    } else if (this.item && !this.comment && name === 'wp:postmeta') {
      this.meta = { key: '', value: '' };
    } else if (this.comment && name === 'wp:commentmeta') {
      this.commentMeta = { key: '', value: '' };
    } else if (!this.item && depth === 3 && name === 'wp:author') {
      this.sendSite();
      this.author = { id: 0, login: '', email: '', displayName: '', firstName: '', lastName: '' };
    } else if (!this.item && depth === 3 && (name === 'wp:category' || name === 'wp:tag' || name === 'wp:term')) {
      this.sendSite();
      this.term = { taxonomy: name === 'wp:category' ? 'category' : name === 'wp:tag' ? 'post_tag' : '', termId: 0, slug: '', name: '', parentSlug: '', description: '' };
    }
  }

  text(value: string) {
    const frame = this.stack.at(-1);
    // The whitespace between items would otherwise pile up on the channel for the whole file.
    if (frame && this.stack.length >= 3 && frame.name !== 'item') frame.text.push(value);
  }

  close(depth: number) {
    const frame = this.stack.pop()!;
    const value = frame.text.join('');
    const name = frame.name;
    if (this.commentMeta) {
      if (name === 'wp:meta_key') this.commentMeta.key = value;
      else if (name === 'wp:meta_value') this.commentMeta.value = value;
      else if (name === 'wp:commentmeta') this.commentMeta = null;
      return;
    }
    if (this.comment) {
      const c = this.comment;
      switch (name) {
        case 'wp:comment_id': c.id = int(value); break;
        case 'wp:comment_author': c.author = value; break;
        case 'wp:comment_author_email': c.authorEmail = value.trim(); break;
        case 'wp:comment_author_url': c.authorUrl = value.trim(); break;
        case 'wp:comment_author_IP': c.authorIp = value.trim(); break;
        case 'wp:comment_date': c.date = value.trim(); break;
        case 'wp:comment_date_gmt': c.dateGmt = value.trim(); break;
        case 'wp:comment_content': c.content = value; break;
        case 'wp:comment_approved': c.approved = value.trim(); break;
        case 'wp:comment_type': c.type = value.trim(); break;
        case 'wp:comment_parent': c.parent = int(value); break;
        case 'wp:comment_user_id': c.userId = int(value); break;
        case 'wp:comment':
          this.item!.comments.push(c);
          this.comment = null;
          break;
      }
      return;
    }
    if (this.meta) {
      if (name === 'wp:meta_key') this.meta.key = value;
      else if (name === 'wp:meta_value') this.meta.value = value;
      else if (name === 'wp:postmeta') {
        this.item!.meta.push(this.meta);
        this.meta = null;
      }
      return;
    }
    if (this.item) {
      const it = this.item;
      switch (name) {
        case 'title': it.title = value; break;
        case 'link': it.link = value.trim(); break;
        case 'pubDate': it.pubDate = value.trim(); break;
        case 'dc:creator': it.creator = value.trim(); break;
        case 'guid': it.guid = value.trim(); break;
        case 'content:encoded': it.content = value; break;
        case 'excerpt:encoded': it.excerpt = value; break;
        case 'wp:post_id': it.id = int(value); break;
        case 'wp:post_date': it.date = value.trim(); break;
        case 'wp:post_date_gmt': it.dateGmt = value.trim(); break;
        case 'wp:post_modified_gmt': it.modifiedGmt = value.trim(); break;
        case 'wp:comment_status': it.commentStatus = value.trim(); break;
        case 'wp:post_name': it.slug = value.trim(); break;
        case 'wp:status': it.status = value.trim(); break;
        case 'wp:post_parent': it.parent = int(value); break;
        case 'wp:menu_order': it.menuOrder = int(value); break;
        case 'wp:post_type': it.type = value.trim(); break;
        case 'wp:post_password': it.password = value; break;
        case 'wp:is_sticky': it.sticky = value.trim() === '1'; break;
        case 'wp:attachment_url': it.attachmentUrl = value.trim(); break;
        case 'category':
          it.terms.push({ domain: frame.attrs.domain ?? 'category', slug: frame.attrs.nicename ?? '', name: value.trim() });
          break;
        case 'item':
          if (depth === 3) {
            this.records.push({ kind: 'item', item: it });
            this.item = null;
          }
          break;
      }
      return;
    }
    if (this.author) {
      const a = this.author;
      switch (name) {
        case 'wp:author_id': a.id = int(value); break;
        case 'wp:author_login': a.login = value.trim(); break;
        case 'wp:author_email': a.email = value.trim(); break;
        case 'wp:author_display_name': a.displayName = value.trim(); break;
        case 'wp:author_first_name': a.firstName = value.trim(); break;
        case 'wp:author_last_name': a.lastName = value.trim(); break;
        case 'wp:author':
          this.records.push({ kind: 'author', author: a });
          this.author = null;
          break;
      }
      return;
    }
    if (this.term) {
      const t = this.term;
      switch (name) {
        case 'wp:term_id': t.termId = int(value); break;
        case 'wp:category_nicename': case 'wp:tag_slug': case 'wp:term_slug': t.slug = value.trim(); break;
        case 'wp:cat_name': case 'wp:tag_name': case 'wp:term_name': t.name = value.trim(); break;
        case 'wp:category_parent': case 'wp:term_parent': t.parentSlug = value.trim(); break;
        case 'wp:category_description': case 'wp:tag_description': case 'wp:term_description': t.description = value.trim(); break;
        case 'wp:term_taxonomy': t.taxonomy = value.trim(); break;
        case 'wp:category': case 'wp:tag': case 'wp:term':
          if (depth === 3) {
            this.records.push({ kind: 'term', term: t });
            this.term = null;
          }
          break;
      }
      return;
    }
    if (depth === 3) {
      switch (name) {
        case 'title': this.site.title = value.trim(); break;
        case 'link': this.site.link = value.trim(); break;
        case 'language': this.site.language = value.trim(); break;
        case 'wp:wxr_version': this.site.wxrVersion = value.trim(); break;
        case 'wp:base_site_url': this.site.baseSiteUrl = value.trim(); break;
        case 'wp:base_blog_url': this.site.baseBlogUrl = value.trim(); break;
      }
    }
    if (depth === 2 && name === 'channel') this.sendSite();
  }
}

function emptyItem(fileIndex: number): WxrItem {
  return {
    fileIndex, id: 0, title: '', link: '', pubDate: '', creator: '', guid: '', content: '', excerpt: '', date: '', dateGmt: '', modifiedGmt: '',
    commentStatus: '', slug: '', status: '', parent: 0, menuOrder: 0, type: '', password: '', sticky: false, attachmentUrl: '', terms: [], meta: [], comments: [],
  };
}

/**
 * The records of one WXR file, in document order. Throws WxrError, naming the file and line, for
 * XML that is broken or cut short, and for a file that is not a WordPress export.
 */
export async function* readWxrFile(file: string, fileIndex = 0): AsyncGenerator<WxrRecord> {
  const name = path.basename(file);
  const raw = createReadStream(file, { highWaterMark: 64 * 1024 });
  const stream = (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
  // Decoded as a stream, so a character split between two chunks arrives whole.
  stream.setEncoding('utf8');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const builder = new RecordBuilder(name, fileIndex);
  let failure: WxrError | null = null;
  const fail = (message: string) => {
    failure ??= new WxrError(`${name}, line ${parser.line}: ${message}`, name, parser.line);
  };
  parser.on('error', (e) => fail(e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    if (failure) return;
    const attrs: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) attrs[key] = typeof attr === 'string' ? attr : attr.value;
    try {
      builder.open(qname(tag), attrs, builder.stack.length + 1);
    } catch (e) {
      fail((e as Error).message);
    }
  });
  parser.on('text', (t) => builder.text(t));
  parser.on('cdata', (t) => builder.text(t));
  parser.on('closetag', () => {
    if (!failure) builder.close(builder.stack.length);
  });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      // saxes does not throw from write once an error handler is set; a record is yielded only
      // while the file is still well-formed, and the first error ends the read.
      if (failure) break;
      while (builder.records.length) {
        const record = builder.records.shift()!;
        if (record.kind === 'site') checkSite(record.site, name, parser.line);
        yield record;
      }
    }
    if (!failure) parser.close();
  } catch (e) {
    if (e instanceof WxrError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || /unexpected end of file|incorrect header/i.test((e as Error).message)) {
      throw new WxrError(`${name}: the gzip file is cut short or damaged (${(e as Error).message})`, name, null);
    }
    throw e;
  } finally {
    raw.destroy();
  }
  if (failure) throw failure;
  if (!builder.sawRss) throw new WxrError(`${name}, line ${parser.line}: this is not a WordPress export (the file is empty)`, name, parser.line);
  if (!builder.site.wxrVersion) throw new WxrError(`${name}: this is not a WordPress export (its channel has no <wp:wxr_version>)`, name, null);
  for (const record of builder.records) {
    if (record.kind === 'site') checkSite(record.site, name, parser.line);
    yield record;
  }
}

function checkSite(site: WxrSite, file: string, line: number) {
  if (!site.wxrVersion) throw new WxrError(`${file}, line ${line}: this is not a WordPress export (no <wp:wxr_version> before the first item; is it an ordinary RSS feed?)`, file, line);
  if (!/^1\.[0-2]$/.test(site.wxrVersion)) throw new WxrError(`${file}, line ${line}: WXR version ${site.wxrVersion} is not one this importer reads (1.0, 1.1 and 1.2 are)`, file, line);
}

/** Every record of an export split over several files, the files read in the order given. */
export async function* readWxr(files: string[]): AsyncGenerator<WxrRecord> {
  for (const [i, file] of files.entries()) yield* readWxrFile(file, i);
}
