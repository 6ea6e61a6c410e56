-- Which articles use which media item, recorded by every article save (one row per
-- article x media x role), so "used by" and the delete guard never scan bodies.
--   role 'cover'   the article's cover (articles.cover_media_id)
--   role 'inline'  a <figure><img src="/media/{key}"> in articles.body_html
-- Every article row counts, whatever its status, trash included: a restored article
-- must find its photos. Deleting a media item that a row here still names fails
-- (the foreign key has no ON DELETE action): the database itself refuses to leave
-- an article pointing at a photo that is gone, even when a save races the delete.
CREATE TABLE article_media (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  media_id   INTEGER NOT NULL REFERENCES media (id),
  role       TEXT    NOT NULL CHECK (role IN ('cover', 'inline')),
  PRIMARY KEY (article_id, media_id, role)
) WITHOUT ROWID;
CREATE INDEX article_media_media ON article_media (media_id, article_id);

-- Covers set before this migration. (No article could hold an inline library image
-- before the media library existed, so there is nothing inline to fill.)
INSERT INTO article_media (article_id, media_id, role)
  SELECT id, cover_media_id, 'cover' FROM articles WHERE cover_media_id IS NOT NULL;

-- The library lists newest first by (created_at, id) (media_created, 0001); the
-- uploader's own files, for authors and contributors, by this one.
CREATE INDEX media_uploader ON media (uploaded_by, created_at DESC, id DESC);
