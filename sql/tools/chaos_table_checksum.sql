-- The md5 of a table's rows, each row its chosen columns joined by '|' and
-- the rows sorted: equal for two warehouses whose tables hold the same rows.
-- Run by pantau.tools.chaos.state on every mart table. Jinja2: table,
-- columns.
SELECT md5(coalesce(string_agg(r, E'\n' ORDER BY r), ''))
  FROM (SELECT concat_ws('|', {% for column in columns %}"{{ column }}"::text
                {{- ", " if not loop.last }}{% endfor %}) AS r
          FROM {{ table }}) AS t
