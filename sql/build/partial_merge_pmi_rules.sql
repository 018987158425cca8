-- The PMI indications of the reached regencies (pt_pmi_reach) from the
-- shadow the PMI rules wrote into core.fact_pmi_indication, before the PMI
-- marts read it; every other regency keeps its rows. Parameters: period.
DELETE FROM core.fact_pmi_indication
 WHERE period = %(period)s AND regency_code IN (SELECT regency_code FROM pt_pmi_reach);

INSERT INTO core.fact_pmi_indication (period, rule_code, person_key, regency_code,
                                      district_code, batch_id, row_number)
SELECT period, rule_code, person_key, regency_code, district_code, batch_id, row_number
  FROM pg_temp.out_fact_pmi_indication
 WHERE regency_code IN (SELECT regency_code FROM pt_pmi_reach);
