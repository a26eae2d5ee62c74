import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/site/article-card';
import { ArticleStory } from '@/components/site/article-story';
import { CommentsSection } from '@/components/site/comments-section';
import { MostRead } from '@/components/site/most-read';
import { ViewBeacon } from '@/components/comments/view-beacon';
import { viewCountingOn } from '@/server/views/settings';
import { ArticleJsonLd } from '@/components/site/structured-data';
import { LiveBlogJsonLd, LiveBlogSection } from '@/components/site/live-blog';
import { getLiveBlog } from '@/db/queries/live-blog';
import { Timestamp } from '@/components/site/timestamp';
import { getPublishedArticle, listRelatedArticles } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/settings';
import { ageNotice } from '@/lib/dates';
import { articleMetadata, notFoundMetadata } from '@/server/seo/page-metadata';
import { isSlug } from '@/lib/urls';

export const revalidate = 3600;
export const generateStaticParams = async () => [];

type Params = { section: string; yyyy: string; mm: string; dd: string; slug: string };
type Props = { params: Promise<Params> };

/** The live article at exactly this URL (old URLs were answered with a 301 by the proxy). */
async function articleAt(params: Params) {
  if (!isSlug(params.slug)) return null;
  const article = await getPublishedArticle(params.slug);
  const path = `/${params.section}/${params.yyyy}/${params.mm}/${params.dd}/${params.slug}`;
  return article && article.path === path ? article : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [settings, article] = await Promise.all([getSiteSettings(), articleAt(await params)]);
  if (!article) return notFoundMetadata(settings.name);
  return articleMetadata(settings, article);
}

export default async function ArticlePage({ params }: Props) {
  const [settings, article] = await Promise.all([getSiteSettings(), articleAt(await params)]);
  if (!article) notFound();
  const { locale, timeZone } = settings;
  // A live blog reads its own row first: its version is then never newer than the entries below.
  const [related, live] = await Promise.all([listRelatedArticles(article.id, article.sectionSlug), getLiveBlog(article.id)]);
  const age = live ? null : ageNotice(article.firstPublishedAt, new Date());

  return (
    <ArticleStory
      article={article}
      locale={locale}
      timeZone={timeZone}
      prelude={live ? <LiveBlogJsonLd article={article} blog={live} settings={settings} /> : <ArticleJsonLd article={article} settings={settings} />}
      // A live blog's last change is its newest entry, shown with the entries: the header says only when it began.
      dateline={
        live ? (
          <span>
            Published <Timestamp iso={article.firstPublishedAt} locale={locale} timeZone={timeZone} />
          </span>
        ) : undefined
      }
      afterBody={live ? <LiveBlogSection articleId={article.id} articleSlug={article.slug} blog={live} locale={locale} timeZone={timeZone} now={new Date()} /> : null}
      notice={
        age ? (
          <p className="age-notice" role="note">
            {age}
          </p>
        ) : null
      }
      meta={
        <p className="article__comment-count">
          <a href="#comments">{article.approvedComments === 1 ? '1 comment' : `${article.approvedComments} comments`}</a>
        </p>
      }
    >
      {related.length > 0 ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">Related stories</h2>
          <div className="related__grid">
            {related.map((card) => (
              <ArticleCard key={card.id} card={card} locale={locale} timeZone={timeZone} variant="compact" />
            ))}
          </div>
        </section>
      ) : null}

      <MostRead />

      <CommentsSection article={article} locale={locale} timeZone={timeZone} />
      {/* One view counted per reading (app/api/views); off with VIEW_COUNTING=off. */}
      {viewCountingOn() ? <ViewBeacon articleId={article.id} /> : null}
    </ArticleStory>
  );
}
