-- Grain: one row per person, PMI rule, region and area of the indication,
-- for the follow-up lists: a masked NIK (else masked passport) only.
CREATE TABLE mart.pmi_followup (
    period      text NOT NULL,
    region_code text NOT NULL,
    rule_code   text NOT NULL,
    person_key  char(64) NOT NULL,  -- pseudonymous, to follow a person across periods
    area_code   text NOT NULL,      -- district (regency) of the indication, '' when unknown
    person_ref  text NOT NULL,      -- masked NIK or passport, e.g. 32**************
    PRIMARY KEY (period, region_code, rule_code, person_key, area_code)
);
