-- The temp table purge_candidate(k): keys (person or permit) that purged
-- batches' facts name and no unpurged batch's fact names any more. Run by
-- retention before maintenance/delete_unreferenced.sql, once for pii.person
-- and once for pii.stay_permit. Jinja2: column (the key), facts (the fact
-- tables naming it).
DROP TABLE IF EXISTS purge_candidate;
CREATE TEMP TABLE purge_candidate ON COMMIT DROP AS
SELECT {{ column }} AS k FROM (
{%- for fact in facts %}
    {{ "UNION " if not loop.first }}SELECT f.{{ column }}
      FROM {{ fact }} AS f JOIN audit.batch AS b USING (batch_id)
     WHERE b.pii_purged_at IS NOT NULL AND f.{{ column }} IS NOT NULL
{%- endfor %}
) AS named;
ANALYZE purge_candidate;
{% for fact in facts %}
DELETE FROM purge_candidate AS c
 WHERE EXISTS (SELECT 1 FROM {{ fact }} AS f JOIN audit.batch AS b USING (batch_id)
                WHERE f.{{ column }} = c.k AND b.pii_purged_at IS NULL);
{%- endfor %}
