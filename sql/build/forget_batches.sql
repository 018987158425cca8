-- A batch's facts dropped before the build loads it again (a quarantine
-- decision came since it was loaded). Parameters: batch_ids.
DELETE FROM core.fact_rptka_location WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_rptka_position WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_stay_permit WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_population_document WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_admin_action WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_pmi_placement WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_passport_application WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_departure_postponement WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_pmi_return WHERE batch_id = ANY(%(batch_ids)s);
DELETE FROM core.fact_operation_visit WHERE batch_id = ANY(%(batch_ids)s);
