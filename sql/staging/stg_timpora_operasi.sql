-- Grain: one row per raw.timpora_operasi row (one site visited in a joint
-- operation), typed and normalised. NULL where the source was empty or could
-- not be parsed (see audit.parse_problem). KETERANGAN is not here: it may name
-- persons and stays in raw.
-- Derived: district_code, the Kemendagri code of the KECAMATAN name within
-- the visit's regency (NULL when empty, unknown or ambiguous).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE staging.timpora_operasi (
    batch_id                 bigint NOT NULL,
    row_number               integer NOT NULL,
    order_number             text,
    visit_date               date,
    regency_code             text,
    district_name            text,
    site_name                text,
    nib                      text,
    site_kind                text,
    foreigners_checked       integer,
    findings_no_permit       integer,
    findings_permit_mismatch integer,
    findings_overstay        integer,
    actions_on_spot          integer,
    district_code            text,
    PRIMARY KEY (batch_id, row_number)
);
