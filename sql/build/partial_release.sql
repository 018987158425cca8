-- The session temp tables of a partial rebuild's capture
-- (build/partial_capture.sql) dropped: before a capture, and when the rebuild
-- of the stale periods ends (pantau.build.partial).
DROP TABLE IF EXISTS pt_reloaded, pt_old_employer, pt_old_sponsor, pt_old_map,
pt_old_fact_stay_permit, pt_old_fact_population_document, pt_old_fact_rptka_position,
pt_old_fact_rptka_location, pt_old_fact_admin_action, pt_old_fact_operation_visit,
pt_old_fact_pmi_placement, pt_old_fact_passport_application,
pt_old_fact_departure_postponement, pt_old_fact_pmi_return;
