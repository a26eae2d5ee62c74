import { serializeJsonLd, type JsonLdValue } from '@/lib/seo/json-ld';

/**
 * Structured data as <script type="application/ld+json">. The only dangerouslySetInnerHTML on
 * reader pages: its text comes from serializeJsonLd, which escapes every character that could end
 * the script element, so a headline cannot inject markup.
 */
export function JsonLd({ data }: { data: JsonLdValue }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
