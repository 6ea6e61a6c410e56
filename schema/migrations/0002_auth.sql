-- Staff sessions, personal access tokens, login throttling and the audit log.
-- Secrets are never stored: sessions and tokens keep the SHA-256 (hex) of a
-- 32-byte random value; the value itself only ever exists in the cookie or in the
-- one response that created the token. Times are UTC ISO strings (toISOString()).

-- A signed-in browser. Valid while now < expires_at (absolute lifetime) and
-- now - last_seen_at < the idle timeout; last_seen_at moves at most once a minute.
-- Logout, a password change and a suspension delete the rows.
CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash   TEXT    NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   TEXT    NOT NULL,
  last_seen_at TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL,
  ip           TEXT,
  user_agent   TEXT
);
-- Revoking every session of a user, and sweeping the expired ones.
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Bearer tokens for scripts, owned by one staff user and acting as that user.
CREATE TABLE personal_access_tokens (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  token_hash   TEXT    NOT NULL UNIQUE,
  -- The first characters of the secret, shown in lists so a user can tell tokens apart.
  token_prefix TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  last_used_at TEXT,
  expires_at   TEXT    NOT NULL,
  revoked_at   TEXT
);
CREATE INDEX personal_access_tokens_user ON personal_access_tokens (user_id, id DESC);

-- Failed logins per key: 'account:<lower-cased email>' (known or not, so an unknown
-- email behaves exactly like a wrong password) and 'ip:<address>'. A key is locked
-- once its failures reach the threshold, for a time that doubles with each further
-- failure; a success clears the account key. Rows idle for a day are stale.
CREATE TABLE login_throttle (
  key          TEXT    PRIMARY KEY,
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  updated_at   TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX login_throttle_updated ON login_throttle (updated_at);

-- Who did what to which resource. Append-only; read newest first by admins.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
  action        TEXT    NOT NULL,
  resource_type TEXT    NOT NULL,
  resource_id   TEXT,
  details       TEXT    NOT NULL DEFAULT '{}',
  ip            TEXT,
  created_at    TEXT    NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id, id DESC);
