-- DKPTKA_UNDERPAID: a position covering the reference date in regency r has
-- paid fewer months of the compensation fund (USD 100 a month) than it is
-- due: calendar months from the start month to the reference month, both
-- counted.
-- Legal basis: PP 34/2021 art. 15-16 (DKPTKA: USD 100 per position per month,
-- paid in advance); UU 11/2020 art. 81 (amending UU 13/2003 art. 47).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT c.person_key, c.regency_code
  FROM p_covering AS c
 WHERE c.person_key IS NOT NULL AND c.dkptka_months < c.months_due
