-- Partner and frontend API keys (docs/partners.md). Like personal access tokens,
-- the secret is never stored: only the SHA-256 (hex) of a 32-byte random value
-- and its first characters, shown in lists. Times are UTC ISO strings.
CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT    NOT NULL,
  key_hash     TEXT    NOT NULL UNIQUE,
  key_prefix   TEXT    NOT NULL,
  -- 'full': body_html and full feed content; 'summary': summaries only.
  body         TEXT    NOT NULL CHECK (body IN ('full', 'summary')),
  -- JSON array of category ids the key may read (their subcategories included),
  -- or NULL for every category.
  category_ids TEXT,
  -- A rate-limit binding of wrangler.toml ([[ratelimits]]), by tier name.
  tier         TEXT    NOT NULL CHECK (tier IN ('trial', 'standard', 'high')),
  expires_at   TEXT,
  revoked_at   TEXT,
  created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL
);

-- Requests and 429s per key per UTC day, folded from KV shards by the cron
-- (the view counter's buffered approach: no D1 write per request).
CREATE TABLE api_key_usage (
  key_id   INTEGER NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
  day      TEXT    NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  limited  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (key_id, day)
) WITHOUT ROWID;
