-- How many cases each company has, kept as cases are inserted, so the case list's total without a
-- filter (the inbox's first page) is one row read instead of a count over every case. Cases are
-- never deleted. A statement-level trigger adds a whole insert's cases at once: a group of intakes
-- written in one statement moves the count once.

CREATE TABLE case_counts (
  company_id text PRIMARY KEY,
  total bigint NOT NULL
);

INSERT INTO case_counts (company_id, total)
  SELECT company_id, count(*) FROM cases GROUP BY company_id;

CREATE FUNCTION count_inserted_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts (company_id, total)
    SELECT company_id, count(*) FROM inserted GROUP BY company_id
    ON CONFLICT (company_id) DO UPDATE SET total = case_counts.total + excluded.total;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cases_counted AFTER INSERT ON cases
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_cases();
