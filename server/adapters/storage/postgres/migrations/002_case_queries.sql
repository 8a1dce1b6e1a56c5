-- Queries instead of copies: the columns lists, the clock sweep and reports filter and order cases
-- by, derived from the case on every write (server/domain/case/case-index.ts gives the moments),
-- and case numbers unique in a company for ever.

ALTER TABLE cases
  ADD COLUMN month text NOT NULL DEFAULT '',
  ADD COLUMN terminal boolean NOT NULL DEFAULT false,
  ADD COLUMN assignee_user text,
  ADD COLUMN assignee_role text,
  ADD COLUMN department text,
  ADD COLUMN categories jsonb NOT NULL DEFAULT '{}',
  -- The earliest due time and first warning of a running clock, and the next moment the sweep has
  -- a level to raise; null when the case has none.
  ADD COLUMN next_due timestamptz,
  ADD COLUMN first_warning timestamptz,
  ADD COLUMN sweep_at timestamptz;

-- Cases written under 001 carry these in their document. Their clock moments are computed in the
-- runtime, not here: until its next save an open one is due for the sweep at once (the epoch), so
-- the sweep still looks at it, and lists order it among the cases without a due time.
UPDATE cases SET
  month = coalesce(doc->>'month', left(doc->'case'->>'receivedAt', 7)),
  terminal = coalesce(doc->'case'->'terminal', 'null'::jsonb) NOT IN ('null', 'false'),
  assignee_user = doc->'case'->'assignee'->>'user',
  assignee_role = doc->'case'->'assignee'->>'role',
  department = doc->'case'->'assignee'->>'department',
  categories = coalesce(doc->'case'->'categories', '{}'),
  sweep_at = CASE WHEN coalesce(doc->'case'->'terminal', 'null'::jsonb) IN ('null', 'false')
                  THEN 'epoch'::timestamptz END;

ALTER TABLE cases ADD CONSTRAINT cases_number UNIQUE (company_id, number);

CREATE INDEX cases_by_state ON cases (company_id, state, received);
CREATE INDEX cases_by_month ON cases (company_id, month text_pattern_ops);
CREATE INDEX cases_by_due ON cases (company_id, next_due, received);
CREATE INDEX cases_by_warning ON cases (company_id, first_warning) WHERE first_warning IS NOT NULL;
CREATE INDEX cases_for_sweep ON cases (sweep_at, company_id) WHERE sweep_at IS NOT NULL;
CREATE INDEX cases_by_assignee_user ON cases (company_id, assignee_user) WHERE assignee_user IS NOT NULL;
CREATE INDEX cases_by_assignee_role ON cases (company_id, assignee_role) WHERE assignee_role IS NOT NULL;
CREATE INDEX cases_by_department ON cases (company_id, department) WHERE department IS NOT NULL;
CREATE INDEX cases_by_categories ON cases USING gin (categories jsonb_path_ops);
