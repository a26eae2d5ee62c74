import Link from 'next/link';
import type { ReactNode } from 'react';
import { ArticleBody } from '@/components/site/article-body';
import { Byline } from '@/components/site/byline';
import { CorrectionsBox } from '@/components/site/corrections-box';
import { PICTURE_SIZES, Picture } from '@/components/site/picture';
import { StaffEmail } from '@/components/site/staff-email';
import { Timestamp } from '@/components/site/timestamp';
import type { ArticlePage } from '@/db/queries/articles';
import { wireCredit } from '@/lib/byline';
import { sectionPath, tagPath } from '@/lib/urls';

export type StoryArticle = Pick<
  ArticlePage,
  'headline' | 'standfirst' | 'authors' | 'bylineText' | 'firstPublishedAt' | 'updatedAt' | 'featured' | 'body' | 'bodyImages' | 'wireInitials' | 'wireAgencies' | 'corrections' | 'tags'
> & { sectionSlug: string | null; sectionName: string | null };

/**
 * The story as readers see it, from kicker to topics: the article page and the newsroom's preview
 * both render this, so a preview shows exactly what will be published. The page adds what only
 * a live article has around it (structured data, the age notice, the comment count, related
 * stories, the thread).
 */
export function ArticleStory({
  article,
  locale,
  timeZone,
  prelude,
  notice,
  dateline,
  meta,
  afterBody,
  children,
}: {
  article: StoryArticle;
  locale: string;
  timeZone: string;
  /** First inside the article element (structured data). */
  prelude?: ReactNode;
  /** Under the kicker, above the headline (the age notice). */
  notice?: ReactNode;
  /** In place of the published and updated dates (the preview of an unpublished story). */
  dateline?: ReactNode;
  /** After the dates in the header (the comment count). */
  meta?: ReactNode;
  /** Right after the body (a live blog's summary and entries). */
  afterBody?: ReactNode;
  /** After the topics (related stories, the comment thread). */
  children?: ReactNode;
}) {
  const credit = wireCredit(article.wireInitials, article.wireAgencies);
  return (
    <article className="article">
      {prelude}
      <header className="article__header">
        {article.sectionSlug && article.sectionName ? (
          <p className="kicker">
            <Link href={sectionPath(article.sectionSlug)}>{article.sectionName}</Link>
          </p>
        ) : null}
        {notice}
        <h1 className="article__headline">{article.headline}</h1>
        {article.standfirst ? <p className="article__standfirst">{article.standfirst}</p> : null}
        <div className="article__meta">
          <Byline authors={article.authors} collective={article.bylineText} />
          <p className="article__dates">
            {dateline ?? (
              <>
                <span>
                  Published <Timestamp iso={article.firstPublishedAt} locale={locale} timeZone={timeZone} />
                </span>
                {article.updatedAt ? (
                  <span>
                    {' '}
                    · Updated <Timestamp iso={article.updatedAt} locale={locale} timeZone={timeZone} />
                  </span>
                ) : null}
              </>
            )}
          </p>
          {meta}
        </div>
      </header>

      {article.featured ? (
        <figure className="article__figure">
          <Picture image={article.featured} alt={article.featured.alt} sizes={PICTURE_SIZES.article} load="priority" />
          {article.featured.caption || article.featured.credit ? (
            <figcaption>
              {article.featured.caption}
              {article.featured.credit ? <span className="credit"> {article.featured.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}

      <ArticleBody body={article.body} images={article.bodyImages} />

      {afterBody}

      {credit ? <p className="wire-credit">{credit}</p> : null}

      {article.authors.length > 0 ? (
        <section className="contact" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Contact the {article.authors.length === 1 ? 'author' : 'authors'}</h2>
          <ul>
            {article.authors.map((a) => (
              <li key={a.slug}>
                {a.name}
                {a.jobTitle ? `, ${a.jobTitle}` : ''}: <StaffEmail email={a.email} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CorrectionsBox corrections={article.corrections} locale={locale} timeZone={timeZone} />

      {article.tags.length > 0 ? (
        <nav className="tags" aria-label="Topics">
          <h2>Topics</h2>
          <ul>
            {article.tags.map((t) => (
              <li key={t.slug}>
                <Link href={tagPath(t.slug)}>{t.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {children}
    </article>
  );
}
