import Link from 'next/link';
import type { ArticleCard as Card } from '@/db/queries/articles';
import { PICTURE_SIZES, Picture } from './picture';
import { Timestamp } from './timestamp';

type Props = { card: Card; locale: string; timeZone: string; variant?: 'lead' | 'standard' | 'compact'; showSection?: boolean; headingLevel?: 2 | 3 };

/**
 * A story's card. Only the lead card prefetches its story: Next prefetches every link as it comes
 * into view, and a page of cards would spend a phone's data on a dozen pages the reader mostly
 * never opens; the lead is the one a reader is likely to open (and a click on any other card
 * still navigates at once, fetching it then).
 */
export function ArticleCard({ card, locale, timeZone, variant = 'standard', showSection = true, headingLevel = 3 }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`card card--${variant}`}>
      {card.image && variant !== 'compact' ? (
        // The lead card is at the top of the front page, so it is not lazy (a lazy image there
        // delays the largest paint); it is not fetchpriority=high either: that is the article
        // page's lead picture alone. Every other card loads lazily.
        <Picture className="card__image" image={card.image} alt={card.image.alt} sizes={variant === 'lead' ? PICTURE_SIZES.lead : PICTURE_SIZES.card} load={variant === 'lead' ? 'eager' : 'lazy'} />
      ) : null}
      <div className="card__text">
        {showSection ? <p className="kicker">{card.sectionName}</p> : null}
        <Heading className="card__headline">
          <Link href={card.path} prefetch={variant === 'lead'}>
            {card.headline}
          </Link>
        </Heading>
        {variant !== 'compact' && card.standfirst ? <p className="card__standfirst">{card.standfirst}</p> : null}
        <p className="card__meta">
          <Timestamp iso={card.publishedAt} locale={locale} timeZone={timeZone} withTime={false} />
        </p>
      </div>
    </article>
  );
}
