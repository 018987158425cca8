-- The regency with the most person-status rows in the bench's month: the
-- trend queries are timed on it (and its province), the worst case a report
-- meets. Run by pantau.tools.bench.history. Parameters: month.
SELECT regency_code FROM core.fact_person_status WHERE month = %(month)s
 GROUP BY regency_code ORDER BY count(*) DESC, regency_code LIMIT 1
