-- Kesu's first schema: the directory (companies, users, token hashes), policies (the draft and the
-- published versions), per-(company, period) serial counters, cases, audit entries and idempotency
-- claims. Documents are kept whole as JSONB, as the port hands them over; the columns beside them are
-- what is looked up, constrained or ordered by.

CREATE TABLE companies (
  id text PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  company_id text,
  doc jsonb NOT NULL
);
CREATE INDEX users_by_company ON users (company_id);

-- Only the SHA-256 hash of a token's secret is stored; a request finds its token by that hash.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX tokens_by_hash ON tokens (hash);
CREATE INDEX tokens_by_user ON tokens (user_id);

CREATE TABLE policy_drafts (
  company_id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL
);

-- Immutable once written; the primary key refuses a second version with the same number. The
-- policy (up to hundreds of kB) is kept apart from the rest, so listing versions never reads it.
CREATE TABLE policy_versions (
  company_id text NOT NULL,
  number integer NOT NULL,
  meta jsonb NOT NULL,
  policy jsonb NOT NULL,
  PRIMARY KEY (company_id, number)
);

-- The last serial used in a numbering period; an intake takes the next one in its transaction, so
-- the row lock orders concurrent intakes and a rolled-back intake gives its serial back.
CREATE TABLE serial_counters (
  company_id text NOT NULL,
  period text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (company_id, period)
);

CREATE TABLE cases (
  company_id text NOT NULL,
  id text NOT NULL,
  number text NOT NULL,
  period text NOT NULL,
  serial integer NOT NULL,
  policy_version integer NOT NULL,
  version integer NOT NULL,
  import_key text,
  -- Received order: the order intakes committed their numbers in, for scans and exports.
  received bigserial NOT NULL,
  state text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX cases_import_key ON cases (company_id, import_key) WHERE import_key IS NOT NULL;
CREATE INDEX cases_in_received_order ON cases (company_id, received);

-- Append-only; seq keeps the order entries were written in.
CREATE TABLE audit (
  seq bigserial PRIMARY KEY,
  company_id text NOT NULL,
  id text NOT NULL,
  case_id text,
  at timestamptz,
  entry jsonb NOT NULL
);
CREATE INDEX audit_by_company ON audit (company_id, seq);
CREATE INDEX audit_by_case ON audit (company_id, case_id, seq);

-- An idempotency key a write claimed, stored in that write's transaction: the primary key lets only
-- one write claim it.
CREATE TABLE idempotency_claims (
  company_id text NOT NULL,
  key text NOT NULL,
  case_id text NOT NULL,
  version integer NOT NULL,
  request text NOT NULL,
  PRIMARY KEY (company_id, key)
);
