-- Grain: one row per country and restriction on placing Indonesian migrant
-- workers there: 'closed' (no placement at all) or 'informal_moratorium'
-- (no placement with individual employers, Kepmenaker 260/2015), with the
-- source of each. Loaded by the build from
-- plugins/pantau/reference/pmi_destinations.csv; read by the rule
-- PMI_CLOSED_DESTINATION.
CREATE TABLE core.pmi_destination_rule (
    country_code char(3) NOT NULL REFERENCES core.dim_country (country_code) NOT ENFORCED,
    restriction  text NOT NULL CHECK (restriction IN ('closed', 'informal_moratorium')),
    source       text NOT NULL,
    PRIMARY KEY (country_code, restriction)
);
