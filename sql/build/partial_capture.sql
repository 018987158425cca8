-- What the loads of a partial rebuild are about to change, kept before they run
-- (pantau.build.partial), for build/partial_reach.sql and
-- build/partial_pmi_reach.sql to compare with what the loads leave:
--   pt_reloaded          the validated batches the loads will load again (a
--                        quarantine decision came since they were loaded), and
--   pt_old_<fact>        their rows as core holds them now (a reload drops them);
--   pt_old_employer      every employer version (a manpower load rebuilds those of
--                        its NIBs, build/load_tenaga_kerja_tka.sql);
--   pt_old_sponsor       the sponsor NIB of the stale periods' permits, when a
--                        manpower batch is pending (build/sponsor_nib.sql follows
--                        the employers' names);
--   pt_old_map           the PMI identity map, when a PMI batch is pending
--                        (build/pmi_identity_map.sql recomputes it whole).
-- Session temp tables: they outlive each period's commit, and the rebuild drops
-- them when it ends (build/partial_release.sql).
-- Parameters: reload_ids, stale_periods, with_sponsors, with_map.
{% set facts = ("fact_stay_permit", "fact_population_document", "fact_rptka_position",
                "fact_rptka_location", "fact_admin_action", "fact_operation_visit",
                "fact_pmi_placement", "fact_passport_application",
                "fact_departure_postponement", "fact_pmi_return") -%}
{% include "build/partial_release.sql" %}

CREATE TEMP TABLE pt_reloaded AS
SELECT DISTINCT unnest({{ param("reload_ids") }}::bigint[]) AS batch_id;
{% for fact in facts %}
CREATE TEMP TABLE pt_old_{{ fact }} AS
SELECT * FROM core.{{ fact }} WHERE batch_id = ANY({{ param("reload_ids") }});
{% endfor %}
CREATE TEMP TABLE pt_old_employer AS
SELECT nib, employer_name, kbli, valid_from, valid_to, is_current FROM core.dim_employer;

CREATE TEMP TABLE pt_old_sponsor AS
SELECT f.batch_id, f.row_number, f.sponsor_nib
  FROM core.fact_stay_permit AS f
 WHERE {{ param("with_sponsors") }}
   AND f.batch_id IN (SELECT pb.batch_id FROM core.period_batch AS pb
                       WHERE pb.period = ANY({{ param("stale_periods") }})
                         AND pb.source = 'imigrasi_izin_tinggal');

CREATE TEMP TABLE pt_old_map AS
SELECT * FROM core.pmi_identity_map WHERE {{ param("with_map") }};
