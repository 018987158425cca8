-- One reference dimension refreshed from its shipped list (copied first into
-- the temp table ref_<name>): new keys inserted, known ones updated in place.
-- Run by the build (pantau.build.reference) for core.dim_region, dim_country
-- and dim_occupation. Jinja2: table, name, columns, key.
INSERT INTO {{ table }} ({{ columns | join(', ') }})
SELECT {{ columns | join(', ') }} FROM ref_{{ name }}
ON CONFLICT ({{ key }}) DO UPDATE SET
{%- for column in columns if column != key %} {{ column }} = EXCLUDED.{{ column }}
{{- "," if not loop.last }}{% endfor %}
