-- Core content model. Times are UTC ISO 8601 strings from Date#toISOString()
-- (fixed width, so text order is time order). "Publicly visible" always means
-- status = 'published' AND deleted_at IS NULL; the partial indexes below repeat
-- that predicate literally so SQLite can prove they apply.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'contributor')),
  password_hash TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
);

CREATE TABLE categories (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  slug        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  name_sort   TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  parent_id   INTEGER REFERENCES categories (id) ON DELETE RESTRICT,
  position    INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
CREATE INDEX categories_tree ON categories (parent_id, position, name_sort);

CREATE TABLE tags (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  slug       TEXT    NOT NULL UNIQUE,
  name       TEXT    NOT NULL,
  name_sort  TEXT    NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);
CREATE INDEX tags_name_sort ON tags (name_sort, id);

CREATE TABLE authors (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  slug       TEXT    NOT NULL UNIQUE,
  name       TEXT    NOT NULL,
  name_sort  TEXT    NOT NULL,
  bio        TEXT    NOT NULL DEFAULT '',
  avatar_url TEXT,
  user_id    INTEGER UNIQUE REFERENCES users (id) ON DELETE SET NULL,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);
CREATE INDEX authors_name_sort ON authors (name_sort, id);

CREATE TABLE media (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  key          TEXT    NOT NULL UNIQUE,
  filename     TEXT    NOT NULL,
  content_type TEXT    NOT NULL,
  size         INTEGER NOT NULL,
  width        INTEGER,
  height       INTEGER,
  alt          TEXT    NOT NULL DEFAULT '',
  caption      TEXT    NOT NULL DEFAULT '',
  credit       TEXT    NOT NULL DEFAULT '',
  uploaded_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL
);
CREATE INDEX media_created ON media (created_at DESC, id DESC);

CREATE TABLE articles (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  slug              TEXT    NOT NULL UNIQUE,
  title             TEXT    NOT NULL,
  title_sort        TEXT    NOT NULL,
  summary           TEXT    NOT NULL DEFAULT '',
  body_html         TEXT    NOT NULL DEFAULT '',
  body_text         TEXT    NOT NULL DEFAULT '',
  word_count        INTEGER NOT NULL DEFAULT 0,
  cover_media_id    INTEGER REFERENCES media (id) ON DELETE SET NULL,
  cover_alt         TEXT,
  cover_caption     TEXT,
  cover_credit      TEXT,
  category_id       INTEGER REFERENCES categories (id) ON DELETE RESTRICT,
  source            TEXT,
  language          TEXT    NOT NULL DEFAULT 'vi',
  status            TEXT    NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  published_at      TEXT,
  scheduled_at      TEXT,
  seo_title         TEXT,
  seo_description   TEXT,
  canonical_url     TEXT,
  featured          INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
  featured_position INTEGER NOT NULL DEFAULT 0,
  version           INTEGER NOT NULL DEFAULT 1,
  created_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  deleted_at        TEXT,
  CHECK (status <> 'published' OR published_at IS NOT NULL),
  CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
);

-- Public lists: newest first, by category, by update time, by Vietnamese title order,
-- and the featured slots of a home page. Each starts with `status` so that the
-- query's `status = 'published'` is satisfied by the same index that gives the
-- order (otherwise the planner may pick the admin status index and sort).
CREATE INDEX articles_public_published ON articles (status, published_at DESC, id DESC)
  WHERE status = 'published' AND deleted_at IS NULL;
CREATE INDEX articles_public_category ON articles (status, category_id, published_at DESC, id DESC)
  WHERE status = 'published' AND deleted_at IS NULL;
CREATE INDEX articles_public_updated ON articles (status, updated_at DESC, id DESC)
  WHERE status = 'published' AND deleted_at IS NULL;
CREATE INDEX articles_public_title ON articles (status, title_sort, id)
  WHERE status = 'published' AND deleted_at IS NULL;
CREATE INDEX articles_public_featured ON articles (status, featured, published_at DESC, id DESC)
  WHERE featured = 1 AND status = 'published' AND deleted_at IS NULL;
CREATE INDEX articles_public_slots ON articles (status, featured, featured_position, id)
  WHERE featured = 1 AND status = 'published' AND deleted_at IS NULL;
-- The cron publisher and the admin lists.
CREATE INDEX articles_due ON articles (scheduled_at)
  WHERE status = 'scheduled' AND deleted_at IS NULL;
CREATE INDEX articles_admin_updated ON articles (updated_at DESC, id DESC);
CREATE INDEX articles_admin_status ON articles (status, updated_at DESC, id DESC);
CREATE INDEX articles_cover ON articles (cover_media_id) WHERE cover_media_id IS NOT NULL;

-- Link tables carry pub_at: the article's published_at while it is publicly visible,
-- NULL otherwise, kept by the triggers below. A tag or author page then walks one
-- index in publish order instead of sorting every article of the tag.
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  pub_at     TEXT,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_public ON article_tags (tag_id, pub_at DESC, article_id DESC)
  WHERE pub_at IS NOT NULL;
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE article_authors (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  pub_at     TEXT,
  PRIMARY KEY (article_id, author_id)
) WITHOUT ROWID;
CREATE INDEX article_authors_public ON article_authors (author_id, pub_at DESC, article_id DESC)
  WHERE pub_at IS NOT NULL;
CREATE INDEX article_authors_author ON article_authors (author_id);

CREATE TRIGGER article_tags_pub_at_insert AFTER INSERT ON article_tags BEGIN
  UPDATE article_tags SET pub_at = (
    SELECT published_at FROM articles
    WHERE id = NEW.article_id AND status = 'published' AND deleted_at IS NULL)
  WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id;
END;
CREATE TRIGGER article_authors_pub_at_insert AFTER INSERT ON article_authors BEGIN
  UPDATE article_authors SET pub_at = (
    SELECT published_at FROM articles
    WHERE id = NEW.article_id AND status = 'published' AND deleted_at IS NULL)
  WHERE article_id = NEW.article_id AND author_id = NEW.author_id;
END;
CREATE TRIGGER articles_pub_at_update AFTER UPDATE OF status, published_at, deleted_at ON articles BEGIN
  UPDATE article_tags SET pub_at =
    CASE WHEN NEW.status = 'published' AND NEW.deleted_at IS NULL THEN NEW.published_at END
  WHERE article_id = NEW.id;
  UPDATE article_authors SET pub_at =
    CASE WHEN NEW.status = 'published' AND NEW.deleted_at IS NULL THEN NEW.published_at END
  WHERE article_id = NEW.id;
END;

-- Old slugs keep answering with a 301 to the article's current slug.
CREATE TABLE slug_history (
  slug       TEXT    PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  created_at TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX slug_history_article ON slug_history (article_id);

-- Every save of an article is a revision: a JSON snapshot of its editable fields.
CREATE TABLE revisions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  snapshot   TEXT    NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT    NOT NULL,
  UNIQUE (article_id, version)
);

-- Small key/value facts about this installation (e.g. that demo content was loaded).
CREATE TABLE app_meta (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
