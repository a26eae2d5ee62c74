import { ArticleBody } from '@/components/site/article-body';
import { Timestamp } from '@/components/site/timestamp';
import { LiveBlogIsland } from '@/components/comments/live-blog-island';
import { getLiveFrame, listLiveEntries, toView, type LiveBlogInfo, type LiveEntry } from '@/db/queries/live-blog';
import { coverageIsLive, liveFeedPath, liveOlderPath, liveUpdatesPath, summaryPoints } from '@/lib/live-blog';
import type { ArticlePage } from '@/db/queries/articles';
import type { SiteSettings } from '@/db/queries/settings';
import { bodyToText } from '@/lib/article-body';
import { liveBlogPosting } from '@/server/seo/live-blog';
import { breadcrumbList } from '@/server/seo/structured-data';
import { sectionPath } from '@/lib/urls';
import { JsonLd } from './json-ld';
import './live-blog.css';

// A live blog on its article page: coverage times, the summary, then the entries (newest first,
// the pinned one on top, the key events as a list of links, older entries on keyset pages). The
// entries are the island's first render, so without JavaScript this is the whole blog; each
// entry's body is rendered here by the article renderer and handed to the island as is.

const withNode = (e: LiveEntry) => ({ ...toView(e), html: '', node: <ArticleBody body={e.body} /> });

export async function LiveBlogSection({ articleId, articleSlug, blog, locale, timeZone, now }: { articleId: number; articleSlug: string; blog: LiveBlogInfo; locale: string; timeZone: string; now: Date }) {
  const [page, frame] = await Promise.all([listLiveEntries(articleId, ''), getLiveFrame(articleId)]);
  const live = coverageIsLive(blog, now);
  const points = summaryPoints(blog.summary);
  return (
    <section className="live-blog" aria-labelledby="live-heading">
      <div className="live-blog__head">
        <h2 id="live-heading">
          {live ? <span className="live-badge">Live</span> : null} Live updates
        </h2>
        <p className="live-blog__coverage">
          Coverage from <Timestamp iso={blog.coverageStart} locale={locale} timeZone={timeZone} />
          {blog.coverageEnd ? (
            <>
              {' '}
              to <Timestamp iso={blog.coverageEnd} locale={locale} timeZone={timeZone} />. Coverage has ended.
            </>
          ) : null}
          {blog.lastChangeAt ? (
            <>
              {' '}
              · Last update <Timestamp iso={blog.lastChangeAt} locale={locale} timeZone={timeZone} />
            </>
          ) : null}
        </p>
        <p className="live-blog__feed">
          {blog.entryCount === 1 ? '1 update' : `${blog.entryCount} updates`} · <a href={liveFeedPath(articleSlug)}>Follow by RSS</a>
        </p>
      </div>
      {points.length > 0 ? (
        <section className="live-blog__summary" aria-labelledby="live-summary-heading">
          <h3 id="live-summary-heading">Summary</h3>
          <ul>
            {points.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <LiveBlogIsland
        updatesUrl={liveUpdatesPath(articleId)}
        version={blog.version}
        interval={blog.pollSeconds}
        live={live}
        locale={locale}
        timeZone={timeZone}
        initial={{
          entries: page.entries.map(withNode),
          pinned: frame.pinned ? withNode(frame.pinned) : null,
          keyEvents: frame.keyEvents,
          olderHref: page.next ? liveOlderPath(articleId, page.next) : null,
        }}
      />
    </section>
  );
}

/** In place of the article's NewsArticle: the same data as a LiveBlogPosting, with coverage and the latest updates. */
export async function LiveBlogJsonLd({ article, blog, settings }: { article: ArticlePage; blog: LiveBlogInfo; settings: SiteSettings }) {
  const page = await listLiveEntries(article.id, '');
  const wordCount = bodyToText(article.body).split(/\s+/).filter(Boolean).length;
  return (
    <>
      <JsonLd data={liveBlogPosting({ ...article, wordCount }, blog, page.entries, settings)} />
      <JsonLd
        data={breadcrumbList([
          { name: settings.name, path: '/' },
          { name: article.sectionName, path: sectionPath(article.sectionSlug) },
          { name: article.headline, path: article.path },
        ])}
      />
    </>
  );
}
