-- Grain: one candidate operation site in a region's (regency or province)
-- ranking for a period. site_id is the NIB, or 'site:' and the md5 of the
-- regency and site name for a site of the operations file with no company.
-- score is exactly the sum of the site's mart.target_contribution points;
-- weights_sha256 is the SHA-256 of the weights file that scored it.
CREATE TABLE mart.target_site (
    period         text NOT NULL,
    region_code    text NOT NULL,
    site_id        text NOT NULL,
    rank           integer NOT NULL,
    nib            text,
    site_name      text,
    regency_code   text NOT NULL,
    district_code  text,
    workers        integer NOT NULL,
    score          numeric(14, 4) NOT NULL,
    weights_sha256 char(64) NOT NULL,
    PRIMARY KEY (period, region_code, site_id),
    UNIQUE (period, region_code, rank)
);

-- Grain: one factor of one site's score (only factors with a count).
CREATE TABLE mart.target_contribution (
    period      text NOT NULL,
    region_code text NOT NULL,
    site_id     text NOT NULL,
    factor      text NOT NULL,
    quantity    numeric(14, 4) NOT NULL,
    weight      numeric(14, 4) NOT NULL,
    points      numeric(14, 4) NOT NULL,
    PRIMARY KEY (period, region_code, site_id, factor)
);

-- Grain: one worker (or sponsored permit holder) behind a site's score, with
-- the flags that count: masked passport only, like mart.followup.
CREATE TABLE mart.target_worker (
    period      text NOT NULL,
    region_code text NOT NULL,
    site_id     text NOT NULL,
    person_key  char(64) NOT NULL,
    person_ref  text,
    nationality char(3),
    flags       text[] NOT NULL,
    PRIMARY KEY (period, region_code, site_id, person_key)
);
