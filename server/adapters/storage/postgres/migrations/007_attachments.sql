-- Files on cases: the metadata as the port hands it over (JSONB), the bytes beside it (bytea),
-- outside the case document. A case's attachments are listed in the order added; a company's
-- total size is summed from the size column.

CREATE TABLE attachments (
  company_id text NOT NULL,
  id text NOT NULL,
  case_id text NOT NULL,
  added_at text NOT NULL,
  size bigint NOT NULL,
  doc jsonb NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (company_id, id)
);
CREATE INDEX attachments_by_case
  ON attachments (company_id, case_id, added_at COLLATE "C", id COLLATE "C");
