-- Accent-folding search (issue 16): "cafe" finds "café" and "café" finds "cafe". The 'broadsheet'
-- text search configuration is 'english' with the unaccent dictionary in front of the stemmer for
-- words with letters beyond ASCII; the search vectors and every query use it. unaccent is a
-- trusted extension (PostgreSQL 13+), so a database owner may create it; PGlite loads it from
-- @electric-sql/pglite/contrib/unaccent (db/connection.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
-- PostgreSQL 15 cannot change a generated column's expression in place: drop and add them again,
-- which computes every article's vectors anew. Dropping "search" drops the search index with it.
ALTER TABLE "articles" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "articles" DROP COLUMN "search_lead";--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('broadsheet', coalesce(headline, '')), 'A') || setweight(to_tsvector('broadsheet', coalesce(standfirst, '')), 'B') || setweight(to_tsvector('broadsheet', coalesce(body_text, '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_lead" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('broadsheet', coalesce(headline, '')), 'A') || setweight(to_tsvector('broadsheet', coalesce(standfirst, '')), 'B') || setweight(to_tsvector('broadsheet', left(coalesce(body_text, ''), 600)), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "articles_search_facets_idx" ON "articles" USING gin ("search",article_search_facets("published_at", "modified_at", "created_by", "byline_ids"));--> statement-breakpoint
-- The prefix fallback's words are the vectors' lexemes, now without accents.
DELETE FROM search_words;--> statement-breakpoint
INSERT INTO search_words (word) SELECT word FROM ts_stat('SELECT search FROM articles') ON CONFLICT DO NOTHING;
