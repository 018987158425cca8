-- Grain: one row per country (ISO 3166-1 alpha-3, from pycountry).
CREATE TABLE core.dim_country (
    country_code char(3) PRIMARY KEY,
    name         text NOT NULL
);
