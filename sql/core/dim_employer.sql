-- Grain: one row per version of an employer (slowly changing dimension type
-- 2, keyed by NIB): a new version when its name or KBLI sector changes from
-- one snapshot to a later one. The exports carry no employer address (only
-- each position's work locations, in core.fact_rptka_location), so location
-- is not an attribute here.
CREATE TABLE core.dim_employer (
    employer_key  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nib           text NOT NULL,
    employer_name text,
    kbli          text,
    valid_from    date NOT NULL,
    valid_to      date NOT NULL DEFAULT DATE '9999-12-31',
    is_current    boolean NOT NULL DEFAULT TRUE,
    UNIQUE (nib, valid_from)
);

CREATE UNIQUE INDEX dim_employer_current_idx ON core.dim_employer (nib) WHERE is_current;
