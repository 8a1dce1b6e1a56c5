-- Accounts: password credentials (login and e-mail unique across the platform, kept lower-case),
-- studio sessions and one-time invitations (found by the SHA-256 hash of their secret, so runtimes
-- sharing the database accept each other's sessions), and wrong passwords counted per login and
-- per client address.

CREATE TABLE credentials (
  user_id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  email text UNIQUE,
  doc jsonb NOT NULL
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE invitations (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  hash text NOT NULL UNIQUE,
  doc jsonb NOT NULL
);
CREATE INDEX invitations_by_user ON invitations (user_id);

CREATE TABLE sign_in_failures (
  key text PRIMARY KEY,
  count integer NOT NULL,
  last_at timestamptz NOT NULL
);
