-- GX query asset of a source suite: the staging rows of the batches
-- validated together in one run.
SELECT *
  FROM staging.{{ source }}
 WHERE batch_id IN ({{ batch_ids | join(', ') }})
