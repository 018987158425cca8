{#- The tables a build step writes, named once for the full build and the partial
    rebuild. out(table) is the table itself; in a partial rebuild (Jinja2: scoped)
    it is the temp shadow pg_temp.out_<name> that build/partial_outputs.sql creates,
    which build/partial_merge.sql then merges into the table for the regions the
    change reached (pantau.build.partial). Imported with context by the steps:
    {% from "build/output.sql" import out with context %}. -#}
{%- macro out(table) -%}
{%- if scoped is defined and scoped -%}
pg_temp.out_{{ table.split(".")[1] }}
{%- else -%}
{{ table }}
{%- endif -%}
{%- endmacro -%}
