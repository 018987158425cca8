-- Grain: one row per row naming a person (population document, RPTKA
-- position, administrative action) and period: the person it was linked to
-- and how (passport, permit_number, name_birth_date), or why not (ambiguous:
-- several persons match name + birth date; unlinked). Auditors see the counts
-- per region in mart.region_breakdown (measures registry_links, rptka_links,
-- action_links) and in the report's data appendix.
CREATE TABLE core.document_link (
    period      text NOT NULL,
    batch_id    bigint NOT NULL,
    row_number  integer NOT NULL,
    person_key  char(64),
    link_method text NOT NULL
                CHECK (link_method IN ('passport', 'permit_number', 'name_birth_date',
                                       'ambiguous', 'unlinked')),
    candidates  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (period, batch_id, row_number)
);
