-- drizzle-kit wrote the table; the collation, the trigger and the backfill are by hand (it cannot
-- express them). COLLATE "C": byte order, so the words beginning with a prefix are one range of
-- the primary key whatever the database's collation.
CREATE TABLE "search_words" (
	"word" text COLLATE "C" PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Every word of an article's search vector, as the article is written: the prefix fallback finds
-- a word of an article published a moment ago. Words already known cost one index probe each.
CREATE OR REPLACE FUNCTION articles_note_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word) SELECT unnest(tsvector_to_array(NEW.search)) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER articles_search_words AFTER INSERT OR UPDATE OF headline, standfirst, body_text ON articles
  FOR EACH ROW EXECUTE FUNCTION articles_note_search_words();
--> statement-breakpoint
INSERT INTO search_words (word) SELECT word FROM ts_stat('SELECT search FROM articles') ON CONFLICT DO NOTHING;
