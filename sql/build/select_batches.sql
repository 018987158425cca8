-- The snapshots a period is built from (docs/warehouse.md "Periods and
-- snapshots"): the rule of build/latest_snapshots.sql for this one
-- period, over the batches already loaded into core. Run by the build after
-- it loaded the pending batches. Parameters: period, reference_date.
DELETE FROM core.period_batch WHERE period = {{ param("period") }};

{% set periods = "(SELECT " ~ param("period") ~ "::text AS period, "
                 ~ param("reference_date") ~ "::date AS reference_date)" -%}
{% set loaded_only = true -%}
INSERT INTO core.period_batch (period, source, file_scope, batch_id)
SELECT period, source, file_scope, batch_id
  FROM (
{% include "build/latest_snapshots.sql" %}
       ) AS latest;
