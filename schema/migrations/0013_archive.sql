-- The archive (issue 14, docs/archive.md): imported articles keep their source id,
-- and the paths they had on the old site answer a public redirect look-up.

-- The source system's id of an imported article: a re-import of the same id
-- updates it instead of adding a copy. import_hash is the digest of the line that
-- last wrote it, so a re-import of an unchanged line writes nothing ("skipped").
ALTER TABLE articles ADD COLUMN external_id TEXT;
ALTER TABLE articles ADD COLUMN import_hash TEXT;
CREATE UNIQUE INDEX articles_external_id ON articles (external_id) WHERE external_id IS NOT NULL;

-- Old URLs (normalized paths, services/archive/old-path.ts) of imported articles.
-- One path points at one article; the article's removal takes its paths with it.
CREATE TABLE redirects (
  path       TEXT    PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX redirects_article ON redirects (article_id);
