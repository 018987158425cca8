-- The quarantine decisions on rows of the batches an audit pack lists: who
-- released or discarded which row, when and why, and the names of the
-- columns corrected (never their values, which may be personal). Run by
-- pantau.reports.audit_pack as the auditor role. Parameter: batch_ids.
SELECT d.batch_id, d.row_number, d.decision, d.decided_by, d.decided_at, d.why,
       coalesce((SELECT string_agg(k.key, ', ' ORDER BY k.key)
                   FROM jsonb_object_keys(d.corrections) AS k (key)), '') AS corrected
  FROM quarantine.decision AS d
 WHERE d.batch_id = ANY(%(batch_ids)s)
 ORDER BY d.batch_id ASC, d.row_number ASC, d.decision_id ASC
