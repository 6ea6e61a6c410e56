-- View counting (issue 4, docs/views.md). Beacons are buffered per isolate and
-- flushed to immutable KV shard keys; the rollup cron folds each shard into the two
-- count tables below exactly once, recording the shard key in the same D1 batch.

-- All-time totals. category_id copies articles.category_id (kept by the trigger
-- below) so most-read for one category walks one index instead of joining first.
CREATE TABLE article_views (
  article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  category_id INTEGER,
  total       INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  updated_at  TEXT    NOT NULL
);
CREATE INDEX article_views_rank ON article_views (total DESC, article_id DESC);
CREATE INDEX article_views_category_rank ON article_views (category_id, total DESC, article_id DESC);

-- Views per article per UTC hour (`hour` is the ISO start of the hour) for the
-- 24h/7d/30d windows. The rollup prunes buckets older than the longest window.
-- Both secondary indexes cover the window sum (hour range -> article_id, views).
CREATE TABLE article_view_hours (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  hour        TEXT    NOT NULL,
  category_id INTEGER,
  views       INTEGER NOT NULL CHECK (views >= 0),
  PRIMARY KEY (article_id, hour)
) WITHOUT ROWID;
CREATE INDEX article_view_hours_window ON article_view_hours (hour, article_id, views);
CREATE INDEX article_view_hours_category ON article_view_hours (category_id, hour, article_id, views);

-- Shard keys already folded into the counts. A rollup inserts its keys in the same
-- batch as the increments, so a key can never be counted twice: a second rollup of
-- the same key fails on the primary key and the whole batch rolls back. Rows are
-- kept longer than a shard key can live in KV (its expirationTtl), then pruned.
CREATE TABLE view_shards_done (
  key     TEXT PRIMARY KEY,
  done_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX view_shards_done_at ON view_shards_done (done_at);

-- An article moved to another category takes its view history with it.
CREATE TRIGGER article_views_category AFTER UPDATE OF category_id ON articles
WHEN OLD.category_id IS NOT NEW.category_id BEGIN
  UPDATE article_views SET category_id = NEW.category_id WHERE article_id = NEW.id;
  UPDATE article_view_hours SET category_id = NEW.category_id WHERE article_id = NEW.id;
END;
