-- Case numbers in order: by numbering period and serial, never by the number's text, so 2602100
-- (the 100th case of February under YYMMCC) comes after 260299 in the inbox sorted by number.
-- Numbers stay unique in a company for ever (cases_number, migration 002).

CREATE INDEX cases_by_number ON cases (company_id, period, serial, received);
