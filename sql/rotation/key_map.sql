-- The temp table rk_<kind>(old_key, new_key, rederived): every key of one
-- kind found in the warehouse's keyed columns, with its key under the new
-- secret. A key whose plain text is still known (rotation/plain_text.sql) is
-- recomputed as a build would compute it; any other (retention purged its
-- personal data) is re-derived from the old key alone,
-- HMAC(new, rekey_prefix || old key). Run by the key rotation per kind,
-- before rotation/remap.sql. Jinja2: kind, columns (the kind's keyed
-- (table, column) pairs), rekey_prefix.
-- sqlfluff:templater:jinja:context:columns:[("core.fact_stay_permit", "person_key")]
CREATE TEMP TABLE rk_{{ kind }} ON COMMIT DROP AS
WITH known AS (
    SELECT DISTINCT ON (old_key) old_key, new_key
      FROM (SELECT core.keyed_hash(m.message, p.old_inner, p.old_outer) AS old_key,
                   core.keyed_hash(m.message, p.new_inner, p.new_outer) AS new_key
              FROM (
{% include "rotation/plain_text.sql" %}
                   ) AS m (message)
             CROSS JOIN rotation_pads AS p
             WHERE m.message IS NOT NULL) AS hashed
     ORDER BY old_key
)
SELECT u.old_key,
       coalesce(k.new_key, core.keyed_hash('{{ rekey_prefix }}' || u.old_key,
                                           p.new_inner, p.new_outer)) AS new_key,
       k.new_key IS NULL AS rederived
  FROM (SELECT DISTINCT * FROM (
{%- for table, column in columns %}
        {{ "UNION " if not loop.first }}SELECT {{ column }} FROM {{ table }}
         WHERE {{ column }} IS NOT NULL
{%- endfor %}
       ) AS a) AS u (old_key)
 CROSS JOIN rotation_pads AS p
  LEFT JOIN known AS k USING (old_key);

ALTER TABLE rk_{{ kind }} ADD PRIMARY KEY (old_key);
ANALYZE rk_{{ kind }};
