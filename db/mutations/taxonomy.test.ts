import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { siteSettings } from '../schema';
import { cacheTags } from '../tags';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { deleteSection, deleteTag, renameTag, saveSection } from './taxonomy';

// The cache tags that section and topic changes return: every reader page that shows the changed
// name, never a list chosen by the caller.

let db: Db;
let editor: Actor;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const s = await makeStaff(db, 'edie-editor', 'editor');
  editor = { id: s.id, role: s.role };
});
afterAll(closeTestDatabase);

const sorted = (tags: string[]) => [...tags].sort();

describe('sections', () => {
  it('a renamed section expires the navigation, the front page and its page; a new one its own page too', async () => {
    const created = await saveSection(editor, null, { name: 'Letters', slug: 'letters', description: '', position: 0 });
    expect(created.ok && sorted(created.expire)).toEqual(sorted([cacheTags.sections(), cacheTags.site(), cacheTags.frontPage(), cacheTags.section('letters')]));
    const section = await makeSection(db, 'opinion');
    const renamed = await saveSection(editor, section.id, { name: 'Comment', slug: 'comment-pieces', description: '', position: 1 });
    expect(renamed.ok && renamed.expire).toEqual(expect.arrayContaining([cacheTags.section('opinion'), cacheTags.section('comment-pieces'), cacheTags.sections()]));
  });

  it('a deleted section expires its page and the navigation', async () => {
    const section = await makeSection(db, 'obsolete');
    const deleted = await deleteSection(editor, section.id);
    expect(deleted.ok && sorted(deleted.expire)).toEqual(sorted([cacheTags.sections(), cacheTags.site(), cacheTags.frontPage(), cacheTags.section('obsolete')]));
  });
});

describe('topics', () => {
  it('a renamed topic expires its page and the page of every article listing it', async () => {
    const section = await makeSection(db, 'news');
    const topic = await makeTag(db, 'harbour');
    const tagged = await makeArticle(db, { slug: 'harbour-wall', section, tagIds: [topic.id] });
    const untagged = await makeArticle(db, { slug: 'ferry-times', section });
    const result = await renameTag(editor, topic.id, { name: 'The harbour', description: '' });
    if (!result.ok) throw new Error('expected a rename');
    expect(result.expire).toEqual(expect.arrayContaining([cacheTags.topic('harbour'), cacheTags.articleSlug(tagged.slug), cacheTags.article(tagged.id)]));
    expect(result.expire).not.toContain(cacheTags.articleSlug(untagged.slug));
  });

  it('a deleted topic expires its page and the pages of the articles that listed it', async () => {
    const section = await makeSection(db, 'sport');
    const topic = await makeTag(db, 'rowing');
    const tagged = await makeArticle(db, { slug: 'regatta', section, tagIds: [topic.id] });
    const result = await deleteTag(editor, topic.id);
    if (!result.ok) throw new Error('expected a deletion');
    expect(sorted(result.expire)).toEqual(sorted([cacheTags.topic('rowing'), cacheTags.articleSlug(tagged.slug), cacheTags.article(tagged.id)]));
    expect(await renameTag(editor, topic.id, { name: 'Gone', description: '' })).toEqual({ ok: false, fieldErrors: { form: 'That tag no longer exists.' } });
  });
});
