import Link from 'next/link';
import { ArticleBody } from '@/components/site/article-body';
import { Byline } from '@/components/site/byline';
import { CorrectionsBox } from '@/components/site/corrections-box';
import { Masthead } from '@/components/site/masthead';
import { SiteFooter } from '@/components/site/site-footer';
import { StaffEmail } from '@/components/site/staff-email';
import { Timestamp } from '@/components/site/timestamp';
import type { PreviewArticle } from '@/db/queries/preview';
import type { SectionLink, SiteSettings } from '@/db/queries/settings';
import { wireCredit } from '@/lib/byline';
import { sectionPath, tagPath } from '@/lib/urls';

const STATUS_NOTE: Record<PreviewArticle['status'], string> = {
  draft: 'a draft',
  in_review: 'waiting for review',
  scheduled: 'scheduled, not yet published',
  published: 'published (this preview shows the saved version)',
  withdrawn: 'withdrawn: readers get “gone” at its address',
};

/**
 * An unpublished article rendered with the reader page's own components and styles, inside the
 * site's masthead and footer, under a banner that says it is a preview.
 */
export function ArticlePreview({ article, settings, sections }: { article: PreviewArticle; settings: SiteSettings; sections: SectionLink[] }) {
  const { locale, timeZone } = settings;
  const credit = wireCredit(article.wireInitials, article.wireAgencies);
  return (
    <div lang={settings.locale} className="site">
      <p className="age-notice" role="note" style={{ margin: 0, textAlign: 'center', fontFamily: 'var(--sans)' }}>
        Preview: this article is {STATUS_NOTE[article.status]}.
      </p>
      <Masthead settings={settings} sections={sections} />
      <main id="main" tabIndex={-1}>
        <article className="article">
          <header className="article__header">
            {article.sectionSlug && article.sectionName ? (
              <p className="kicker">
                <Link href={sectionPath(article.sectionSlug)}>{article.sectionName}</Link>
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
            </div>
          </header>
          {article.featured ? (
            <figure className="article__figure">
              <img src={article.featured.src} alt={article.featured.alt} width={article.featured.width} height={article.featured.height} decoding="async" />
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
        </article>
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
