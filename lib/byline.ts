// How bylines and wire credits read on the page.

/** "Ana Ruiz", "Ana Ruiz and Tom Hale", "Ana Ruiz, Tom Hale and Li Wen"; or the collective byline. */
export function bylineText(authors: { name: string }[], collective: string | null): string {
  const names = authors.map((a) => a.name);
  if (names.length === 0) return collective?.trim() || '';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "ab/cd (AP, Reuters)"; just the initials, or just "(AP)", when only one part is known. */
export function wireCredit(initials: string | null, agencies: string[]): string | null {
  const who = initials?.trim() ?? '';
  const from = agencies.map((a) => a.trim()).filter(Boolean);
  if (!who && from.length === 0) return null;
  if (from.length === 0) return who;
  return `${who ? `${who} ` : ''}(${from.join(', ')})`;
}
