-- Grain: one row per person, rule and region for the follow-up lists of the
-- reports: masked passport and nationality only.
CREATE TABLE mart.followup (
    period          text NOT NULL,
    region_code     text NOT NULL,
    rule_code       text NOT NULL,
    person_ref      text NOT NULL,     -- masked passport, e.g. EA*******
    nationality     char(3),
    person_key      char(64) NOT NULL,  -- pseudonymous, to follow a person across periods
    PRIMARY KEY (period, region_code, rule_code, person_key)
);
