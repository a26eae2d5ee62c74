-- Hand-written (drizzle-kit cannot express a function): the periods an article belongs to, as
-- lexemes beside its words in the search index. 'pd<day>', 'pm<month>', 'py<year>' for published_at
-- and 'md', 'mm', 'my' for modified_at; days counted from 2000-01-01 and months from year 0, in
-- UTC. db/queries/search.ts writes the same lexemes to ask for "matches in these days" and GIN
-- intersects them with the words' posting lists. Immutable: only UTC arithmetic, no time zone or
-- DateStyle setting is read (hence no to_char and no date-to-text cast).
CREATE OR REPLACE FUNCTION article_search_periods(published timestamptz, modified timestamptz) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_tsvector(array_remove(ARRAY[
    'py' || extract(year FROM published AT TIME ZONE 'UTC')::int::text,
    'pm' || (extract(year FROM published AT TIME ZONE 'UTC')::int * 12 + extract(month FROM published AT TIME ZONE 'UTC')::int - 1)::text,
    'pd' || ((published AT TIME ZONE 'UTC')::date - date '2000-01-01')::text,
    'my' || extract(year FROM modified AT TIME ZONE 'UTC')::int::text,
    'mm' || (extract(year FROM modified AT TIME ZONE 'UTC')::int * 12 + extract(month FROM modified AT TIME ZONE 'UTC')::int - 1)::text,
    'md' || ((modified AT TIME ZONE 'UTC')::date - date '2000-01-01')::text
  ], NULL))
$$;
--> statement-breakpoint
DROP INDEX "articles_search_idx";--> statement-breakpoint
CREATE INDEX "articles_search_time_idx" ON "articles" USING gin ("search",article_search_periods("published_at", "modified_at"));
