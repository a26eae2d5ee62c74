-- Custom SQL migration file, put your code below! --
-- A reply's place in its thread comes from its parent, whoever inserts it (the comment endpoint,
-- the seed, an import): parent_path is the parent's path plus the parent, and depth follows it.
CREATE OR REPLACE FUNCTION comments_set_parent_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.parent_path := '{}'::bigint[];
  ELSE
    SELECT p.parent_path || p.id INTO NEW.parent_path FROM comments p WHERE p.id = NEW.parent_id;
    IF NEW.parent_path IS NULL THEN
      RAISE EXCEPTION 'comment % has no parent %', NEW.id, NEW.parent_id USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  NEW.depth := cardinality(NEW.parent_path);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER comments_parent_path BEFORE INSERT OR UPDATE OF parent_id ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_set_parent_path();
--> statement-breakpoint
-- Replies inserted before this trigger existed, fixed up level by level.
WITH RECURSIVE tree AS (
  SELECT id, '{}'::bigint[] AS parent_path FROM comments WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, t.parent_path || t.id FROM comments c JOIN tree t ON c.parent_id = t.id
)
UPDATE comments c SET parent_path = tree.parent_path, depth = cardinality(tree.parent_path)
FROM tree WHERE tree.id = c.id AND c.parent_path IS DISTINCT FROM tree.parent_path;
