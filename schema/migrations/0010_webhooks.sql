-- Signed webhooks for partner portals (docs/webhooks.md).
--
-- webhooks: the endpoints admins register. `events` is a JSON array of event names
-- (article.published, article.updated, article.unpublished, article.deleted); the
-- outbox statement of every article save matches it with json_each. `secret` is the
-- signing secret as the worker must recover it for HMAC: `aesgcm:<iv>:<ciphertext>`
-- under WEBHOOK_SECRET_KEY when that secret env var is set, else `plain:<secret>`
-- (readable by whoever can read the D1 database: the account's admins; see the doc).
CREATE TABLE webhooks (
  id          INTEGER PRIMARY KEY,
  url         TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  events      TEXT    NOT NULL CHECK (json_valid(events) AND json_type(events) = 'array'),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  secret      TEXT    NOT NULL,
  -- The first characters of the secret, so admins can tell which one a receiver holds.
  secret_hint TEXT    NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);

-- webhook_deliveries: the outbox. An article save inserts one row per matching
-- active webhook in its own D1 batch (so an event exists exactly when its save
-- landed); the request's waitUntil and the cron send them. `id` is the Tin-Delivery
-- header (random, made by SQLite inside the insert). `payload` is the body as first
-- sent, frozen so every retry carries the same bytes. No foreign key to articles:
-- the record of an article.deleted outlives a purge.
--   status  pending   queued, not tried yet (or its first try is in flight)
--           failed    the last try failed; next_attempt_at says when the next one is
--           succeeded a 2xx answer came
--           gave_up   no try is left, or the endpoint is refused, disabled or gone (410)
CREATE TABLE webhook_deliveries (
  id               TEXT    PRIMARY KEY,
  webhook_id       INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event            TEXT    NOT NULL,
  article_id       INTEGER,
  article_slug     TEXT,
  article_version  INTEGER,
  payload          TEXT,
  status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'succeeded', 'gave_up')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  -- NULL once nothing more will be tried (succeeded, gave_up).
  next_attempt_at  TEXT,
  -- A sender's claim: until this time no other sender picks the row up.
  claim            TEXT,
  lease_until      TEXT,
  last_status      INTEGER,
  last_error       TEXT,
  response_excerpt TEXT,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
) WITHOUT ROWID;
-- What a sender looks for: due rows, oldest first.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
-- A webhook's recent deliveries, newest first (the admin list).
CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (webhook_id, created_at DESC);
-- The first try right after a save looks its article's new rows up.
CREATE INDEX webhook_deliveries_fresh ON webhook_deliveries (article_id) WHERE attempts = 0;
-- Finding a sender's claimed rows (the statement after the claim in one batch).
CREATE INDEX webhook_deliveries_claim ON webhook_deliveries (claim) WHERE claim IS NOT NULL;
-- Pruning finished records (the cron, hourly): oldest first among those done.
CREATE INDEX webhook_deliveries_done ON webhook_deliveries (created_at) WHERE next_attempt_at IS NULL;
