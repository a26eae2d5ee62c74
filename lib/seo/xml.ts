// Small, strict helpers for writing XML (sitemaps and feeds) as strings.

// Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab, newline and
// carriage return, lone surrogates, and U+FFFE/U+FFFF. They are dropped, not escaped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value escaped for XML. */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Plain text as HTML that shows exactly that text. For RSS fields a feed reader renders as HTML
 * (an item's <description>): the result still goes through escapeXml, so such a field is escaped
 * twice on the wire, once for HTML and once for XML, and a typed `<b>` stays three characters.
 */
export function escapeHtmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<name>escaped text</name>`, or nothing when the value is empty. */
export function element(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `<${name}>${escapeXml(value)}</${name}>`;
}

/** W3C date-time in UTC, as sitemaps and Atom want it: 2026-05-01T08:30:00Z. */
export function w3cDate(iso: string | Date): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 822 date, as RSS 2.0 wants it: Fri, 01 May 2026 08:30:00 GMT. */
export function rfc822Date(iso: string | Date): string {
  return new Date(iso).toUTCString();
}
