-- Grain: one row per KBJI 2014 occupation (4-digit unit group) seen or listed.
-- restricted: positions closed to foreign workers (personnel / HR, per the
-- Kepmenaker on positions closed to TKA, Kepmenaker 349/2019); loaded by the
-- build from plugins/pantau/reference/occupations.csv.
CREATE TABLE core.dim_occupation (
    kbji_code  char(4) PRIMARY KEY,
    title      text NOT NULL,
    restricted boolean NOT NULL DEFAULT FALSE
);
