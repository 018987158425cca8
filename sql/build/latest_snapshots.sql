-- The snapshot rule, its one definition: for each period of `periods` and
-- each source and file scope, the latest validated batch whose snapshot date
-- is on or before the period's reference date (two on one day: the later
-- batch). A SELECT of (period, source, file_scope, batch_id), included by
-- build/select_batches.sql (the build) and build/stale_periods.sql (the
-- staleness check). Jinja2: periods (a relation of period and
-- reference_date), loaded_only. Parameters: build_sources (the sources the
-- build loads, pantau.build.period.SOURCES_IN_LOAD_ORDER: a source it does not
-- load never makes a period stale), accumulating_sources.
-- A delta feed (accumulating_sources, pantau.sources.catalog
-- Source.accumulating) keeps every validated batch on or before the
-- reference date: its deliveries add up, and the picture takes each record
-- in its latest delivered version (build/pmi_picture.sql).
-- loaded_only: only batches already loaded into core. The build sets it: it
-- has just loaded every pending batch, so it only keeps out a batch the gate
-- validated in the meantime, which has no facts yet. The staleness check does
-- not: a validated batch not yet loaded is what makes a period stale, and the
-- build that follows loads it before it chooses.
SELECT DISTINCT ON (p.period, b.source, b.file_scope, delivery) p.period, b.source,
       b.file_scope, b.batch_id,
       CASE WHEN b.source = ANY({{ param("accumulating_sources") }}) THEN b.batch_id END
           AS delivery
  FROM {{ periods }} AS p
  JOIN audit.batch AS b
    ON b.status = 'validated' AND b.snapshot_date <= p.reference_date
   AND b.source = ANY({{ param("build_sources") }})
{%- if loaded_only %}
   AND b.core_loaded_at IS NOT NULL
{%- endif %}
 ORDER BY p.period ASC, b.source ASC, b.file_scope ASC, delivery ASC, b.snapshot_date DESC,
          b.batch_id DESC
