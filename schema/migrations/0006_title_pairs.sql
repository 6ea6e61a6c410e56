-- Related articles score a shared title word pair ("lang son", "ngap ung"); the pairs
-- are accent-folded, which SQLite cannot do, so they are computed where a title is
-- written (worker/lib/title-pairs.ts) and stored with the article as a JSON array.
-- With them a related list is one statement (one D1 round trip).
ALTER TABLE articles ADD COLUMN title_pairs TEXT;

-- NULL means "not computed": rows written before this migration, or by a writer that
-- changes a title without its pairs (this trigger then drops the stale pairs). The
-- cron fills them (worker/jobs/fill-title-pairs.ts) through this index, which stays
-- empty once they are filled.
CREATE INDEX articles_title_pairs_todo ON articles (id) WHERE title_pairs IS NULL;

CREATE TRIGGER articles_title_pairs_stale AFTER UPDATE OF title ON articles
WHEN NEW.title IS NOT OLD.title AND NEW.title_pairs IS OLD.title_pairs
BEGIN
  UPDATE articles SET title_pairs = NULL WHERE id = NEW.id;
END;
