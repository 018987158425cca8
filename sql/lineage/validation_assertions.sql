-- What the quality gate found in the given batches, per source and check, for
-- the dataQualityAssertions facet of OpenLineage (pantau/lineage/assertions.py):
-- each batch's latest result of each check, summed over the batches; counts
-- only, never an observed value. Parameters: batch_ids.
WITH latest AS (
    SELECT DISTINCT ON (r.batch_id, r.rule)
           r.batch_id, r.rule, r.expectation_type, r.column_name, r.severity, r.success,
           r.element_count, r.unexpected_count
      FROM audit.expectation_result AS r
     WHERE r.batch_id = ANY(%(batch_ids)s)
     ORDER BY r.batch_id ASC, r.rule ASC, r.run_id DESC
)
SELECT b.source, l.rule, l.expectation_type, l.column_name, l.severity,
       bool_and(l.success) AS success, count(*) AS batches,
       sum(l.element_count) AS element_count, sum(l.unexpected_count) AS unexpected_count
  FROM latest AS l
  JOIN audit.batch AS b USING (batch_id)
 GROUP BY b.source, l.rule, l.expectation_type, l.column_name, l.severity
 ORDER BY b.source, l.rule;
