import { ArticleStory } from '@/components/site/article-story';
import { Masthead } from '@/components/site/masthead';
import { SiteFooter } from '@/components/site/site-footer';
import { Timestamp } from '@/components/site/timestamp';
import type { PreviewArticle } from '@/db/queries/preview';
import type { SectionLink, SiteSettings } from '@/db/queries/settings';

const STATUS_NOTE: Record<PreviewArticle['status'], string> = {
  draft: 'a draft',
  in_review: 'waiting for review',
  scheduled: 'scheduled, not yet published',
  published: 'published (this preview shows the saved version)',
  withdrawn: 'withdrawn: readers get “gone” at its address',
};

/** The dateline of a story not yet out (undefined: the reader page's own dates, unchanged). */
function previewDateline(article: PreviewArticle, settings: SiteSettings) {
  const { publication } = article;
  if (publication.kind === 'unpublished') return <span>Not yet published</span>;
  if (publication.kind === 'scheduled') {
    return (
      <span>
        Scheduled for <Timestamp iso={publication.at} locale={settings.locale} timeZone={settings.timeZone} />
      </span>
    );
  }
  return undefined;
}

/**
 * An unpublished article rendered with the reader page's own components and styles, inside the
 * site's masthead and footer, under a banner that says it is a preview.
 */
export function ArticlePreview({ article, settings, sections }: { article: PreviewArticle; settings: SiteSettings; sections: SectionLink[] }) {
  return (
    <div lang={settings.locale} className="site">
      <p className="age-notice" role="note" style={{ margin: 0, textAlign: 'center', fontFamily: 'var(--sans)' }}>
        Preview: this article is {STATUS_NOTE[article.status]}.
      </p>
      <Masthead settings={settings} sections={sections} />
      <main id="main" tabIndex={-1}>
        <ArticleStory article={article} locale={settings.locale} timeZone={settings.timeZone} dateline={previewDateline(article, settings)} />
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
