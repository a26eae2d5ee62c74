// JSON-LD goes into the page as the text of a <script> element, where the HTML parser, not the
// JSON parser, decides where it ends: "</script>" or "<!--" inside a headline would end it early
// and let the rest run as markup. So every character that means something to HTML is written as a
// JSON \u escape, which any JSON parser reads back as the same character.

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  // Valid in JSON but line terminators in older JavaScript parsers.
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** A JSON-LD value that may be embedded in a <script type="application/ld+json"> element. */
export type JsonLdValue = string | number | boolean | null | JsonLdValue[] | { [key: string]: JsonLdValue | undefined };

/**
 * Serialises structured data for a <script type="application/ld+json"> element: plain JSON with
 * <, >, &, U+2028 and U+2029 escaped, and undefined properties dropped. The output never contains
 * "</script", "<!--" or "]]>", whatever the data holds.
 */
export function serializeJsonLd(data: JsonLdValue): string {
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('Structured data must be a JSON value');
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => ESCAPES[ch]!);
}
