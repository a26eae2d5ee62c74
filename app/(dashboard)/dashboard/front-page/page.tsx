import Link from 'next/link';
import { ButtonForm, PinForm, StripForm, type StoryChoice } from '@/components/dashboard/layout-editor';
import { getFrontPage, getLastLayoutChange, getRunningStrip, getSectionFront, listLayoutPins, listPinnableStories, type LayoutPin } from '@/db/queries/front-page';
import { getSiteSettings, listSections } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { auditDetailText, auditWords } from '@/lib/audit';
import { formatDateTime } from '@/lib/dates';
import { SECTION_TOP_SLOTS, wallTimeValue } from '@/lib/front-layout';
import { rolesFor } from '@/lib/permissions';
import { sectionPath } from '@/lib/urls';
import { endBreakingNewsAction, movePinAction, pinStoryAction, setBreakingNewsAction, unpinStoryAction } from '../_actions/front-page';

export const metadata = { title: 'Front page and sections' };

const STATE_WORDS: Record<LayoutPin['state'], string> = {
  shown: 'Showing',
  expired: 'Ended: not shown',
  'not-live': 'Not shown: the story is no longer published',
  moved: 'Not shown: the story has moved to another section',
};

export default async function FrontPageLayoutPage() {
  const me = await requireRole(...rolesFor('layout.manage'));
  const [settings, sections, pins, strip, front, recent, last] = await Promise.all([getSiteSettings(), listSections(), listLayoutPins(), getRunningStrip(), getFrontPage(), listPinnableStories(), getLastLayoutChange(me.id)]);
  const { locale, timeZone } = settings;
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const zoneLabel = `${timeZone.replace(/_/g, ' ')} time`;
  const choices: StoryChoice[] = recent.map((s) => ({ id: s.id, label: `${s.headline} (${s.sectionName})` }));
  const leadPin = pins.find((p) => p.sectionId === null) ?? null;
  const tops = await Promise.all(sections.map((s) => getSectionFront(s.id, s.slug, 0)));
  const pinLine = (pin: LayoutPin) => (
    <>
      <Link href={`/dashboard/articles/${pin.articleId}`}>{pin.headline}</Link>{' '}
      <span className={pin.state === 'shown' ? 'badge badge--published' : 'badge badge--warn'}>{STATE_WORDS[pin.state]}</span>{' '}
      <span className="muted">{pin.expiresAt ? `until ${when(pin.expiresAt)}` : 'until removed'}</span>
    </>
  );
  return (
    <div>
      <h1>Front page and sections</h1>
      <p className="muted">
        Pinned stories come first, in the order set here; every other place fills in with the newest stories, as before. A story that is withdrawn, unpublished or rescheduled leaves every place at
        once. Times are on the paper’s clock ({zoneLabel}).
      </p>

      {/* Outlives the form that made the change (an unpinned story's own button leaves the page). */}
      <p className={last ? 'notice' : undefined} role="status" aria-live="polite">
        {last ? `Your last change: you ${auditWords(last.action)}${last.headline ? `, “${last.headline}”` : ''}. ${auditDetailText(last.action, last.detail)}`.trim() : ''}
      </p>

      <section className="panel" aria-labelledby="breaking-heading">
        <h2 id="breaking-heading">Breaking news</h2>
        {strip ? (
          <div className="notice">
            <p>
              Showing on the front page: “{strip.text}”{strip.href ? <> linking to {strip.href}</> : null}, until {when(strip.endsAt)}
              {strip.createdBy ? <> (put up by {strip.createdBy})</> : null}.
            </p>
            <ButtonForm action={endBreakingNewsAction} values={{}} label="Take the strip down now" danger />
          </div>
        ) : (
          <p>No strip is running.</p>
        )}
        <h3>{strip ? 'Replace it' : 'Put up a strip'}</h3>
        <StripForm action={setBreakingNewsAction} timeZoneLabel={zoneLabel} defaultEnd={wallTimeValue(new Date(Date.now() + 3600_000).toISOString(), timeZone)} />
      </section>

      <section className="panel" aria-labelledby="lead-heading">
        <h2 id="lead-heading">Lead story</h2>
        <p>
          Leading now:{' '}
          {front.lead ? (
            <>
              <a href={front.lead.path}>{front.lead.headline}</a> <span className="muted">({front.leadPinned ? 'pinned' : 'the newest story with a picture'})</span>
            </>
          ) : (
            'nothing yet'
          )}
        </p>
        {leadPin ? (
          <div className="layout-pin">
            <p>Pinned: {pinLine(leadPin)}</p>
            <ButtonForm action={unpinStoryAction} values={{ pin: String(leadPin.id) }} label="Unpin" accessibleName={`Unpin “${leadPin.headline}” from the lead`} />
          </div>
        ) : null}
        <PinForm action={pinStoryAction} idPrefix="lead" place="lead" submitLabel="Pin as the lead" choices={choices} timeZoneLabel={zoneLabel} />
      </section>

      <h2>Sections’ top stories</h2>
      <p className="muted">Each section’s page leads with its first top story, then the next {SECTION_TOP_SLOTS - 1} in a row; its block on the front page shows the same {SECTION_TOP_SLOTS}.</p>
      {sections.map((section, i) => {
        const sectionPins = pins.filter((p) => p.sectionId === section.id);
        const headingId = `section-${section.id}-heading`;
        return (
          <section className="panel" key={section.id} aria-labelledby={headingId}>
            <h3 id={headingId}>
              <a href={sectionPath(section.slug)}>{section.name}</a>
            </h3>
            {sectionPins.length ? (
              <ol className="layout-pins" aria-label={`Pinned in ${section.name}`}>
                {sectionPins.map((pin) => (
                  <li key={pin.id}>
                    <p>{pinLine(pin)}</p>
                    <div className="button-row">
                      <ButtonForm action={movePinAction} values={{ pin: String(pin.id), direction: 'up' }} label="Move up" accessibleName={`Move “${pin.headline}” up`} />
                      <ButtonForm action={movePinAction} values={{ pin: String(pin.id), direction: 'down' }} label="Move down" accessibleName={`Move “${pin.headline}” down`} />
                      <ButtonForm action={unpinStoryAction} values={{ pin: String(pin.id) }} label="Unpin" accessibleName={`Unpin “${pin.headline}” from ${section.name}`} danger />
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">Nothing pinned: the newest stories lead.</p>
            )}
            <p>Readers see now:</p>
            <ol aria-label={`Top stories in ${section.name} now`}>
              {tops[i]!.top.map((card) => (
                <li key={card.id}>{card.headline}</li>
              ))}
            </ol>
            <PinForm action={pinStoryAction} idPrefix={`section-${section.id}`} place={String(section.id)} submitLabel={`Pin in ${section.name}`} choices={choices} timeZoneLabel={zoneLabel} />
          </section>
        );
      })}
    </div>
  );
}
