-- Grain: one row per combination of stay-permit type, visa index and purpose
-- seen in the exports; is_work marks E23 or purpose BEKERJA (docs/warehouse.md).
CREATE TABLE core.dim_permit_type (
    permit_type_key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permit_type     text NOT NULL,
    visa_index      text NOT NULL DEFAULT '',
    purpose         text NOT NULL DEFAULT '',
    is_work         boolean GENERATED ALWAYS AS (visa_index = 'E23' OR purpose = 'BEKERJA') STORED,
    UNIQUE (permit_type, visa_index, purpose)
);
