// How bylines and wire credits read on the page.

/** "ab/cd (AP, Reuters)"; just the initials, or just "(AP)", when only one part is known. */
export function wireCredit(initials: string | null, agencies: string[]): string | null {
  const who = initials?.trim() ?? '';
  const from = agencies.map((a) => a.trim()).filter(Boolean);
  if (!who && from.length === 0) return null;
  if (from.length === 0) return who;
  return `${who ? `${who} ` : ''}(${from.join(', ')})`;
}
