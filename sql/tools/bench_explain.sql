-- One trend query of the bench (sql/tools/bench_<query>.sql, with its own
-- Jinja2 parameters) run under EXPLAIN: which nodes read which index, how
-- many rows and buffers. Run by pantau.tools.bench.history after the query
-- was timed; its bound parameters are the query's. Jinja2: query.
-- sqlfluff:templater:jinja:context:query:person_series
EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
{% include "tools/bench_" ~ query ~ ".sql" %}
