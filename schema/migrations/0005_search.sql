-- Full-text search over articles with SQLite FTS5 (as D1 ships it).
--
-- Two contentless indexes of the same three columns (title, summary, body_text):
--   search_folded  accent-insensitive: the tokenizer drops tone and letter marks
--                  (remove_diacritics 2 handles letters with two marks, like ế), and
--                  the triggers fold đ/Đ (and the look-alike ð/Ð) to d first, which no
--                  FTS5 tokenizer does. "doan thanh nien" finds "Đoàn Thanh niên".
--                  Prefix indexes of 2 and 3 characters serve type-ahead queries.
--   search_exact   accents kept (case still folded). Used only to rank a query typed
--                  with accents: exact-accent matches ("Đoàn") above folded ones ("đoán").
-- Both are contentless (content=''): the text lives once, in articles, and the
-- indexes store only tokens. Every article is indexed whatever its status; the
-- public search joins articles and keeps the publicly visible ones, so publishing,
-- unpublishing and trashing change search results without touching the index.
--
-- Triggers keep both in step with every insert, text edit and hard delete, whichever
-- code path writes. A contentless index forgets a row only by being told the exact
-- values it indexed ('delete' command): the folded values come from one view, read
-- BEFORE the row changes, so what is forgotten is always what was indexed.
-- Writers must not use INSERT OR REPLACE on articles (SQLite fires no delete trigger
-- for the replaced row); an UPSERT (ON CONFLICT DO UPDATE) is fine.
-- FTS tables do not survive `wrangler d1 export`: `npm run search:drop` before an
-- export, `npm run search:rebuild` after an import (docs/search.md). The rebuild
-- script runs this file after dropping what it creates, so keep it re-runnable:
-- only CREATE statements and the initial fill.

CREATE VIRTUAL TABLE search_folded USING fts5(
  title, summary, body,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE VIRTUAL TABLE search_exact USING fts5(
  title, summary, body,
  content = '',
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Every FTS match is checked against its article (visible? category?) before it is
-- ranked. From the table that means reading the whole row, body included, through
-- its overflow pages; this narrow covering index answers the check instead.
-- IF NOT EXISTS: the rebuild re-runs this file and does not drop indexes.
CREATE INDEX IF NOT EXISTS articles_search_filter
  ON articles (id, status, deleted_at, category_id, published_at, updated_at);

-- The text search_folded indexes: đ/Đ/ð/Ð -> d; the tokenizer does the rest.
CREATE VIEW search_folded_source AS
SELECT
  id,
  replace(replace(replace(replace(title, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS title,
  replace(replace(replace(replace(summary, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS summary,
  replace(replace(replace(replace(body_text, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS body
FROM articles;

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO search_folded (rowid, title, summary, body)
    SELECT id, title, summary, body FROM search_folded_source WHERE id = NEW.id;
  INSERT INTO search_exact (rowid, title, summary, body)
    VALUES (NEW.id, NEW.title, NEW.summary, NEW.body_text);
END;

CREATE TRIGGER articles_search_delete BEFORE DELETE ON articles BEGIN
  INSERT INTO search_folded (search_folded, rowid, title, summary, body)
    SELECT 'delete', id, title, summary, body FROM search_folded_source WHERE id = OLD.id;
  INSERT INTO search_exact (search_exact, rowid, title, summary, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.body_text);
END;

-- An edit of the indexed text: forget the old text before the row changes, index the
-- new one after. Status changes and saves of the same text leave the index alone.
CREATE TRIGGER articles_search_update_before BEFORE UPDATE OF title, summary, body_text ON articles
WHEN OLD.title IS NOT NEW.title OR OLD.summary IS NOT NEW.summary OR OLD.body_text IS NOT NEW.body_text
BEGIN
  INSERT INTO search_folded (search_folded, rowid, title, summary, body)
    SELECT 'delete', id, title, summary, body FROM search_folded_source WHERE id = OLD.id;
  INSERT INTO search_exact (search_exact, rowid, title, summary, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.body_text);
END;

CREATE TRIGGER articles_search_update_after AFTER UPDATE OF title, summary, body_text ON articles
WHEN OLD.title IS NOT NEW.title OR OLD.summary IS NOT NEW.summary OR OLD.body_text IS NOT NEW.body_text
BEGIN
  INSERT INTO search_folded (rowid, title, summary, body)
    SELECT id, title, summary, body FROM search_folded_source WHERE id = NEW.id;
  INSERT INTO search_exact (rowid, title, summary, body)
    VALUES (NEW.id, NEW.title, NEW.summary, NEW.body_text);
END;

-- Articles that exist when this runs (the migration on a live database, or a rebuild).
INSERT INTO search_folded (rowid, title, summary, body)
  SELECT id, title, summary, body FROM search_folded_source;
INSERT INTO search_exact (rowid, title, summary, body)
  SELECT id, title, summary, body_text FROM articles;
