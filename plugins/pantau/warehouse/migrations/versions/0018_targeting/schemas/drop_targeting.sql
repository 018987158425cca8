DROP TABLE mart.target_worker;
DROP TABLE mart.target_contribution;
DROP TABLE mart.target_site;
ALTER TABLE core.fact_stay_permit DROP COLUMN sponsor_nib;
DROP FUNCTION core.employer_name_key(text);
