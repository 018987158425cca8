{#- The rows a period's rebuild changes, for the reach of a partial rebuild
    (build/partial_reach.sql, build/partial_pmi_reach.sql). changed(name, fact,
    columns) creates pt_changed_<name>: each row of the changed batches (pt_batch) in
    the version the period's last build used ('old': a batch no longer chosen, or a
    reloaded batch as build/partial_capture.sql kept it) and in the version it uses
    now ('new': a batch newly chosen, or the reloaded batch as loaded again), minus
    the rows the two versions share unchanged (a quarantine decision changes a
    few rows of a reloaded batch; a replaced file changes every row, its batch id
    being new). columns: the compared columns of core.<fact>, given as
    columns(table alias), for the facts whose surrogate keys a load renews. -#}
{%- macro batches(changes) -%}
(SELECT c.batch_id FROM pt_batch AS c WHERE c.change IN {{ changes }})
{%- endmacro -%}

{%- macro changed(name, fact, columns="f.*") %}
CREATE TEMP TABLE pt_changed_{{ name }} ON COMMIT DROP AS
WITH old_rows AS (
    SELECT {{ columns }} FROM pt_old_{{ fact }} AS f
     WHERE f.batch_id IN {{ batches("('removed', 'reloaded')") }}
    UNION ALL
    SELECT {{ columns }} FROM core.{{ fact }} AS f
     WHERE f.batch_id IN {{ batches("('removed')") }}
       AND f.batch_id NOT IN (SELECT r.batch_id FROM pt_reloaded AS r)
), new_rows AS (
    SELECT {{ columns }} FROM core.{{ fact }} AS f
     WHERE f.batch_id IN {{ batches("('added', 'reloaded')") }}
)
SELECT 'old' AS version, o.* FROM (SELECT * FROM old_rows EXCEPT SELECT * FROM new_rows) AS o
UNION ALL
SELECT 'new' AS version, n.* FROM (SELECT * FROM new_rows EXCEPT SELECT * FROM old_rows) AS n;
{%- endmacro -%}
