-- Issue 13 (least privilege). Personal access tokens get scopes; preview links get
-- an id, so each can be listed and revoked and dies with its article's embargo.

-- Space-separated scopes (content:read content:write publish admin). Tokens made
-- before scopes keep what their owner's role allows today, so no script breaks;
-- every request still narrows them to the owner's current role.
ALTER TABLE personal_access_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'content:read';
UPDATE personal_access_tokens SET scopes = (
  SELECT CASE u.role
    WHEN 'admin' THEN 'content:read content:write publish admin'
    WHEN 'editor' THEN 'content:read content:write publish'
    ELSE 'content:read content:write' END
  FROM users AS u WHERE u.id = personal_access_tokens.user_id);

-- One row per preview link; the signed token carries this id. A public preview is
-- one primary-key probe joined to its article. revoked_reason: 'revoked' (by
-- someone), 'trashed', 'unpublished', 'embargo_changed'.
CREATE TABLE preview_links (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  created_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at     TEXT    NOT NULL,
  expires_at     TEXT    NOT NULL,
  revoked_at     TEXT,
  revoked_reason TEXT
);
CREATE INDEX preview_links_article ON preview_links (article_id, id DESC);

-- The links die with the state they were made for, whichever code path changes it
-- (an edit, the workflow, the cron, an import): trashed, set back to draft, or a
-- scheduled time (the embargo) moved or cleared. A restore from the trash or a
-- re-schedule does not revive them: revoked_at is never cleared.
CREATE TRIGGER preview_links_die AFTER UPDATE OF deleted_at, status, scheduled_at ON articles
WHEN (NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL)
  OR (NEW.status = 'draft' AND OLD.status <> 'draft')
  OR (NEW.scheduled_at IS NOT OLD.scheduled_at)
BEGIN
  UPDATE preview_links SET
    revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    revoked_reason = CASE
      WHEN NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN 'trashed'
      WHEN NEW.status = 'draft' AND OLD.status <> 'draft' THEN 'unpublished'
      ELSE 'embargo_changed' END
  WHERE article_id = NEW.id AND revoked_at IS NULL;
END;

-- The read rules (README, Security model): an author or contributor lists what they
-- created or are bylined on; this finds the first half without a scan.
CREATE INDEX articles_created_by ON articles (created_by) WHERE created_by IS NOT NULL;
