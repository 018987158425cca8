-- One audit run log's rows older than the cutoff: deliveries and alerts log
-- runs, not evidence. Run by retention for each (table, column) of
-- pantau.orchestration.maintenance.AUDIT_LOGS. Parameters: cutoff; Jinja2:
-- table, column (its timestamp).
DELETE FROM {{ table }} WHERE {{ column }} < {{ param("cutoff") }}
