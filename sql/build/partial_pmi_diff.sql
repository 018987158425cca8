-- The regencies whose PMI indications changed: the period's indications as the
-- PMI rules now find them (the shadow pg_temp.out_fact_pmi_indication, every
-- region: build/pmi_picture.sql pictures the whole period when a change reaches
-- the PMI records) against core.fact_pmi_indication, added to pt_pmi_reach
-- (build/partial_pmi_reach.sql). A rule reads a person's other records (an
-- earlier refusal, a placement, an earlier deportation), wherever they lie, so
-- the rules' reach is found by comparison, not by guess. Parameters: period.
INSERT INTO pt_pmi_reach (regency_code)
SELECT DISTINCT d.regency_code
  FROM ((SELECT rule_code, batch_id, row_number, person_key, regency_code, district_code
           FROM pg_temp.out_fact_pmi_indication
         EXCEPT
         SELECT rule_code, batch_id, row_number, person_key, regency_code, district_code
           FROM core.fact_pmi_indication WHERE period = %(period)s)
        UNION ALL
        (SELECT rule_code, batch_id, row_number, person_key, regency_code, district_code
           FROM core.fact_pmi_indication WHERE period = %(period)s
         EXCEPT
         SELECT rule_code, batch_id, row_number, person_key, regency_code, district_code
           FROM pg_temp.out_fact_pmi_indication)) AS d
 WHERE d.regency_code IS NOT NULL;
