-- Notifications (one row per user and raised notification) and outgoing deliveries (one row per
-- raised notification and channel), inserted in the transaction of the case write that raised
-- them. The unique keys make a write that raises the same notification again add nothing.

CREATE TABLE notifications (
  company_id text NOT NULL,
  id text NOT NULL,
  user_id text NOT NULL,
  key text NOT NULL,
  case_id text NOT NULL,
  at timestamptz NOT NULL,
  read_at timestamptz,
  doc jsonb NOT NULL,
  PRIMARY KEY (company_id, id),
  CONSTRAINT notifications_once UNIQUE (company_id, user_id, key)
);
-- A user's list: unread first, newest first.
CREATE INDEX notifications_by_user
  ON notifications (company_id, user_id, (read_at IS NOT NULL), at DESC, id);

-- A worker claims pending deliveries that are due with FOR UPDATE SKIP LOCKED and moves their next
-- attempt past a lease, so runtimes sharing the database never send one twice at once.
CREATE TABLE deliveries (
  company_id text NOT NULL,
  id text NOT NULL,
  key text NOT NULL,
  channel text NOT NULL,
  case_id text NOT NULL,
  status text NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (company_id, id),
  CONSTRAINT deliveries_once UNIQUE (company_id, key, channel)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_by_case ON deliveries (company_id, case_id, created_at);

-- A company's delivery channels (SMTP, webhooks, group robots), with the secrets they sign with.
CREATE TABLE company_channels (
  company_id text PRIMARY KEY,
  doc jsonb NOT NULL
);
