-- The temp table purge_candidate(k): keys (person, permit or PMI identity)
-- that purged batches' facts name and no unpurged batch's fact names any
-- more. Run by retention before maintenance/delete_unreferenced.sql, once
-- each for pii.person, pii.stay_permit and pii.pmi_identity. Jinja2: named_by,
-- the (fact table, column) pairs holding the key: one column per fact for
-- persons and permits; nik_key, passport_key and name_key of each PMI fact
-- for the PMI identities (each is a key of pii.pmi_identity).
-- sqlfluff:templater:jinja:context:named_by:[("core.fact_stay_permit", "person_key")]
DROP TABLE IF EXISTS purge_candidate;
CREATE TEMP TABLE purge_candidate ON COMMIT DROP AS
SELECT k FROM (
{%- for fact, column in named_by %}
    {{ "UNION " if not loop.first }}SELECT f.{{ column }}
      FROM {{ fact }} AS f JOIN audit.batch AS b USING (batch_id)
     WHERE b.pii_purged_at IS NOT NULL AND f.{{ column }} IS NOT NULL
{%- endfor %}
) AS named (k);
ANALYZE purge_candidate;
{% for fact, column in named_by %}
DELETE FROM purge_candidate AS c
 WHERE EXISTS (SELECT 1 FROM {{ fact }} AS f JOIN audit.batch AS b USING (batch_id)
                WHERE f.{{ column }} = c.k AND b.pii_purged_at IS NULL);
{%- endfor %}
