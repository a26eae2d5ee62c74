/**
 * A staff address people can read and type, but that is neither a mailto link nor a plain
 * "name@domain" string in the HTML: the "@" is drawn by CSS, so address harvesters reading the
 * markup find nothing to collect. Screen readers hear "at" from visually hidden text.
 */
export function StaffEmail({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 1) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return (
    <span className="staff-email">
      {/* aria-label is not allowed on a plain span (axe: aria-prohibited-attr), so screen readers get hidden text. */}
      <span className="visually-hidden">{`${local} at ${domain.replaceAll('.', ' dot ')}`}</span>
      <span aria-hidden="true">{local}</span>
      <span className="staff-email__at" aria-hidden="true" />
      <span aria-hidden="true">{domain}</span>
    </span>
  );
}
