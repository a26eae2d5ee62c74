// Staff contact addresses come from the publication's formula, e.g.
// "{first_initial}{last_name}@example.org" → "jdoe@example.org".

const PLACEHOLDERS = ['first_name', 'last_name', 'first_initial', 'last_initial'] as const;

/** Lower-case ASCII letters and digits only: "Siân O'Connor-Hale" → "sian", "oconnorhale". */
export function emailPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export class EmailFormulaError extends Error {}

/** Checks a formula; returns a message a person understands, or null when it is usable. */
export function formulaProblem(formula: string): string | null {
  const [local, domain, ...rest] = formula.split('@');
  if (rest.length > 0 || local === undefined || domain === undefined) return 'The formula needs exactly one "@".';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) return 'The part after "@" must be a domain such as example.org.';
  const unknown = [...local.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((p) => !PLACEHOLDERS.includes(p as never));
  if (unknown.length) return `Unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
  if (!/\{(first_name|last_name|first_initial|last_initial)\}/.test(local)) return 'The formula needs at least one name placeholder.';
  if (!/^[a-z0-9._{}-]+$/i.test(local)) return 'Only letters, digits, dots, hyphens and underscores may stand before "@".';
  return null;
}

export function staffEmail(formula: string, person: { firstName: string; lastName: string }): string {
  const problem = formulaProblem(formula);
  if (problem) throw new EmailFormulaError(problem);
  const first = emailPart(person.firstName);
  const last = emailPart(person.lastName);
  return formula
    .replaceAll('{first_name}', first)
    .replaceAll('{last_name}', last)
    .replaceAll('{first_initial}', first.slice(0, 1))
    .replaceAll('{last_initial}', last.slice(0, 1))
    .toLowerCase();
}
