// The pre-publish checklist: what a careful sub-editor would catch before a story goes out.
// Each warning can be overridden unless the site settings make it blocking.
import type { ArticleBody, Inline } from './article-body';

export const CHECKS = {
  alt_text: 'Every image has alt text',
  section: 'The article is in a section',
  byline: 'The article has a byline',
  headline_length: 'The headline is 110 characters or fewer',
  description: 'The article has a description (standfirst or SEO description)',
  tk: 'No "TK" placeholders are left in the text',
} as const;

export type CheckId = keyof typeof CHECKS;
export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

export type ChecklistInput = {
  headline: string;
  standfirst: string;
  seoDescription: string | null;
  sectionId: number | null;
  authorCount: number;
  bylineText: string | null;
  body: ArticleBody;
  /** The featured image's alt text as readers will get it (override or library), or null with no image. */
  featuredAlt: string | null;
  hasFeaturedImage: boolean;
};

export type CheckResult = { id: CheckId; label: string; ok: boolean; detail?: string };

function inlineText(content: Inline[] | undefined) {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('');
}

function allText(input: ChecklistInput): string {
  const parts = [input.headline, input.standfirst, input.seoDescription ?? ''];
  for (const block of input.body.content) {
    if (block.type === 'paragraph' || block.type === 'heading') parts.push(inlineText(block.content));
    else if (block.type === 'blockquote') parts.push(...block.content.map((p) => inlineText(p.content)));
    else if (block.type === 'bulletList' || block.type === 'orderedList') for (const li of block.content) parts.push(...li.content.map((p) => inlineText(p.content)));
    else if (block.type === 'image') parts.push(block.attrs.caption ?? '');
    else if (block.type === 'embed') parts.push(block.attrs.title ?? '', block.attrs.caption ?? '', block.attrs.credit ?? '');
    else if (block.type === 'table') parts.push(block.attrs?.caption ?? '', ...block.content.flatMap((row) => row.content.flatMap((cell) => cell.content.map((p) => inlineText(p.content)))));
  }
  return parts.join('\n');
}

export function runChecklist(input: ChecklistInput): CheckResult[] {
  const missingAlt = input.body.content.filter((b) => b.type === 'image' && !b.attrs.alt.trim()).length + (input.hasFeaturedImage && !input.featuredAlt?.trim() ? 1 : 0);
  const length = [...input.headline.trim()].length;
  const tk = allText(input).match(/\bTK\b/g)?.length ?? 0;
  const results: CheckResult[] = [
    { id: 'alt_text', label: CHECKS.alt_text, ok: missingAlt === 0, detail: missingAlt ? `${missingAlt} image${missingAlt === 1 ? '' : 's'} without alt text` : undefined },
    { id: 'section', label: CHECKS.section, ok: input.sectionId !== null },
    { id: 'byline', label: CHECKS.byline, ok: input.authorCount > 0 || Boolean(input.bylineText?.trim()) },
    { id: 'headline_length', label: CHECKS.headline_length, ok: length <= 110, detail: length > 110 ? `${length} characters` : undefined },
    { id: 'description', label: CHECKS.description, ok: Boolean(input.standfirst.trim() || input.seoDescription?.trim()) },
    { id: 'tk', label: CHECKS.tk, ok: tk === 0, detail: tk ? `${tk} left` : undefined },
  ];
  return results;
}

/** Readers who cannot see an image must be told what it shows: this one can never be overridden. */
export const ALWAYS_BLOCKING: readonly CheckId[] = ['alt_text'];

/** Problems that stop publishing: blocking ones always, the rest unless overridden. */
export function publishBlockers(results: CheckResult[], blocking: readonly string[], override: boolean): CheckResult[] {
  return results.filter((r) => !r.ok && (ALWAYS_BLOCKING.includes(r.id) || blocking.includes(r.id) || !override));
}
