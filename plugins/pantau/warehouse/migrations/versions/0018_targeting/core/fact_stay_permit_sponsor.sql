-- The employer (NIB) a stay permit's PENJAMIN names, matched by name key at
-- load (core.employer_name_key); NULL when no employer or several match. The
-- raw PENJAMIN text stays in staging: a spouse sponsor is a person's name.
ALTER TABLE core.fact_stay_permit ADD COLUMN sponsor_nib text;
