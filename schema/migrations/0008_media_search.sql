-- Search over the media library: filename, alt, caption and credit with the same
-- Vietnamese folding as article search (0005_search.sql): a contentless FTS5 index
-- whose tokenizer drops tone and letter marks, with đ/Đ/ð/Ð folded to d by the view
-- the triggers read. "quang minh" finds "Ảnh: Quang Minh"; "da nang" finds
-- "Đà Nẵng". Filenames split on - _ . so "mua-lu-da-nang.jpg" is found by its words.
-- Like the article index it cannot be exported: `npm run search:drop` drops it too,
-- and `npm run search:rebuild` re-runs this file (CREATE statements and the fill only).

CREATE VIRTUAL TABLE media_search USING fts5(
  filename, alt, caption, credit,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE VIEW media_search_source AS
SELECT
  id,
  replace(replace(replace(replace(filename, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS filename,
  replace(replace(replace(replace(alt, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS alt,
  replace(replace(replace(replace(caption, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS caption,
  replace(replace(replace(replace(credit, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D') AS credit
FROM media;

CREATE TRIGGER media_search_insert AFTER INSERT ON media BEGIN
  INSERT INTO media_search (rowid, filename, alt, caption, credit)
    SELECT id, filename, alt, caption, credit FROM media_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER media_search_delete BEFORE DELETE ON media BEGIN
  INSERT INTO media_search (media_search, rowid, filename, alt, caption, credit)
    SELECT 'delete', id, filename, alt, caption, credit FROM media_search_source WHERE id = OLD.id;
END;

CREATE TRIGGER media_search_update_before BEFORE UPDATE OF filename, alt, caption, credit ON media
WHEN OLD.filename IS NOT NEW.filename OR OLD.alt IS NOT NEW.alt OR OLD.caption IS NOT NEW.caption OR OLD.credit IS NOT NEW.credit
BEGIN
  INSERT INTO media_search (media_search, rowid, filename, alt, caption, credit)
    SELECT 'delete', id, filename, alt, caption, credit FROM media_search_source WHERE id = OLD.id;
END;

CREATE TRIGGER media_search_update_after AFTER UPDATE OF filename, alt, caption, credit ON media
WHEN OLD.filename IS NOT NEW.filename OR OLD.alt IS NOT NEW.alt OR OLD.caption IS NOT NEW.caption OR OLD.credit IS NOT NEW.credit
BEGIN
  INSERT INTO media_search (rowid, filename, alt, caption, credit)
    SELECT id, filename, alt, caption, credit FROM media_search_source WHERE id = NEW.id;
END;

-- Media that exist when this runs (the migration on a live database, or a rebuild).
INSERT INTO media_search (rowid, filename, alt, caption, credit)
  SELECT id, filename, alt, caption, credit FROM media_search_source;
