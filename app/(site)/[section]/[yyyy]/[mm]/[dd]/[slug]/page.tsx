import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/site/article-body';
import { ArticleCard } from '@/components/site/article-card';
import { CommentsSection } from '@/components/comments/comments-section';
import { Byline } from '@/components/site/byline';
import { CorrectionsBox } from '@/components/site/corrections-box';
import { StaffEmail } from '@/components/site/staff-email';
import { ArticleJsonLd } from '@/components/site/structured-data';
import { Timestamp } from '@/components/site/timestamp';
import { getPublishedArticle, listRelatedArticles } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/settings';
import { wireCredit } from '@/lib/byline';
import { ageNotice } from '@/lib/dates';
import { articleMetadata, notFoundMetadata } from '@/lib/seo/page-metadata';
import { isSlug, sectionPath, tagPath } from '@/lib/urls';

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
  const related = await listRelatedArticles(article.id, article.sectionSlug);
  const age = ageNotice(article.firstPublishedAt, new Date());
  const credit = wireCredit(article.wireInitials, article.wireAgencies);

  return (
    <article className="article">
      <ArticleJsonLd article={article} settings={settings} />
      <header className="article__header">
        <p className="kicker">
          <Link href={sectionPath(article.sectionSlug)}>{article.sectionName}</Link>
        </p>
        {age ? (
          <p className="age-notice" role="note">
            {age}
          </p>
        ) : null}
        <h1 className="article__headline">{article.headline}</h1>
        {article.standfirst ? <p className="article__standfirst">{article.standfirst}</p> : null}
        <div className="article__meta">
          <Byline authors={article.authors} collective={article.bylineText} />
          <p className="article__dates">
            <span>
              Published <Timestamp iso={article.firstPublishedAt} locale={locale} timeZone={timeZone} />
            </span>
            {article.updatedAt ? (
              <span>
                {' '}
                · Updated <Timestamp iso={article.updatedAt} locale={locale} timeZone={timeZone} />
              </span>
            ) : null}
          </p>
          <p className="article__comment-count">
            <a href="#comments">
              {article.approvedComments === 1 ? '1 comment' : `${article.approvedComments} comments`}
            </a>
          </p>
        </div>
      </header>

      {article.featured ? (
        <figure className="article__figure">
          <img src={article.featured.src} alt={article.featured.alt} width={article.featured.width} height={article.featured.height} decoding="async" fetchPriority="high" />
          {article.featured.caption || article.featured.credit ? (
            <figcaption>
              {article.featured.caption}
              {article.featured.credit ? <span className="credit"> {article.featured.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}

      <ArticleBody body={article.body} />

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

      <CommentsSection article={article} locale={locale} timeZone={timeZone} />
    </article>
  );
}
