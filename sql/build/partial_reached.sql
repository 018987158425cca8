-- Whether the change reaches any regency among the foreigners' figures
-- (pt_reach) and among the PMI ones (pt_pmi_reach); pantau.build.partial runs
-- the steps of the families reached only.
SELECT EXISTS (SELECT 1 FROM pt_reach), EXISTS (SELECT 1 FROM pt_pmi_reach)
