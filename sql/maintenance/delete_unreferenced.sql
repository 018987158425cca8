-- The pii rows of the keys left in purge_candidate
-- (maintenance/purge_candidates.sql): named by purged batches only. Run by
-- retention for pii.person, pii.stay_permit and pii.pmi_identity, to count
-- each. Jinja2: table, column (its key).
DELETE FROM {{ table }} AS t USING purge_candidate AS c WHERE t.{{ column }} = c.k
