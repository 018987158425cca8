-- Whether the change reaches any regency among the foreigners' figures
-- (pt_reach) and among the PMI ones (pt_pmi_reach); pantau.build.partial runs
-- the steps of the families reached only.
SELECT (SELECT count(*) FROM pt_reach) > 0, (SELECT count(*) FROM pt_pmi_reach) > 0
