-- A renamed category keeps answering on its old slug: the public API redirects an
-- old slug to the current one (as articles do with slug_history). A trigger records
-- every slug change, so no write path can forget it; a slug taken again by another
-- category stops redirecting (the live slug wins).
CREATE TABLE category_slug_history (
  slug        TEXT    PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  created_at  TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX category_slug_history_category ON category_slug_history (category_id);

CREATE TRIGGER categories_slug_history AFTER UPDATE OF slug ON categories
WHEN OLD.slug <> NEW.slug BEGIN
  INSERT OR REPLACE INTO category_slug_history (slug, category_id, created_at)
    VALUES (OLD.slug, NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM category_slug_history WHERE slug = NEW.slug;
END;

CREATE TRIGGER categories_slug_taken AFTER INSERT ON categories BEGIN
  DELETE FROM category_slug_history WHERE slug = NEW.slug;
END;

-- The staff list ordered by publication time (admin sort=-published_at).
CREATE INDEX articles_admin_published ON articles (published_at DESC, id DESC) WHERE published_at IS NOT NULL;
