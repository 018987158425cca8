--
-- PostgreSQL database dump
--

\restrict pantauschema

-- Dumped from database version 18.6
-- Dumped by pg_dump version 18.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: audit; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA audit;


--
-- Name: core; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA core;


--
-- Name: mart; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA mart;


--
-- Name: pii; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA pii;


--
-- Name: quarantine; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA quarantine;


--
-- Name: raw; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA raw;


--
-- Name: staging; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA staging;


--
-- Name: employer_name_key(text); Type: FUNCTION; Schema: core; Owner: -
--

CREATE FUNCTION core.employer_name_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN NULLIF(btrim(regexp_replace(regexp_replace(((' '::text || regexp_replace(regexp_replace(upper(name), '[.,'']'::text, ''::text, 'g'::text), '[^A-Z0-9]+'::text, ' '::text, 'g'::text)) || ' '::text), ' (PT|CV|TBK|PERSERO|UD)(?= )'::text, ' '::text, 'g'::text), '\s+'::text, ' '::text, 'g'::text)), ''::text);


--
-- Name: keyed_hash(text, bytea, bytea); Type: FUNCTION; Schema: core; Owner: -
--

CREATE FUNCTION core.keyed_hash(message text, inner_pad bytea, outer_pad bytea) RETURNS character
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN encode(sha256((outer_pad || sha256((inner_pad || convert_to(message, 'UTF8'::name))))), 'hex'::text);


--
-- Name: masked(text); Type: FUNCTION; Schema: core; Owner: -
--

CREATE FUNCTION core.masked(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (CASE WHEN (length(value) >= 5) THEN "left"(value, 2) ELSE ''::text END || repeat('*'::text, (length(value) - CASE WHEN (length(value) >= 5) THEN 2 ELSE 0 END)));


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alert; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.alert (
    alert_id bigint NOT NULL,
    raised_at timestamp with time zone DEFAULT now() NOT NULL,
    dag_id text NOT NULL,
    task_id text NOT NULL,
    run_id text,
    map_index integer,
    try_number integer,
    error_class text,
    message text NOT NULL,
    transient boolean NOT NULL,
    channel text NOT NULL,
    mail_error text,
    CONSTRAINT alert_channel_check CHECK ((channel = ANY (ARRAY['smtp'::text, 'log'::text])))
);


--
-- Name: alert_alert_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.alert ALTER COLUMN alert_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.alert_alert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: batch; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.batch (
    batch_id bigint NOT NULL,
    source text NOT NULL,
    sha256 character(64) NOT NULL,
    original_name text NOT NULL,
    original_path text NOT NULL,
    archive_path text NOT NULL,
    size_bytes bigint NOT NULL,
    file_scope text,
    snapshot_date date NOT NULL,
    snapshot_date_from text NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    loaded_at timestamp with time zone,
    status text DEFAULT 'received'::text NOT NULL,
    encoding text,
    delimiter text,
    sheet_name text,
    header_row integer,
    row_count integer,
    problem_count integer,
    extra_columns text[] DEFAULT '{}'::text[] NOT NULL,
    missing_optional_columns text[] DEFAULT '{}'::text[] NOT NULL,
    message text,
    validated_at timestamp with time zone,
    rejected_stage text,
    validation_run_id bigint,
    core_loaded_at timestamp with time zone,
    pii_purged_at timestamp with time zone,
    CONSTRAINT batch_problem_count_check CHECK ((problem_count >= 0)),
    CONSTRAINT batch_rejected_stage_check CHECK ((rejected_stage = ANY (ARRAY['ingest'::text, 'quality'::text]))),
    CONSTRAINT batch_row_count_check CHECK ((row_count >= 0)),
    CONSTRAINT batch_size_bytes_check CHECK ((size_bytes >= 0)),
    CONSTRAINT batch_snapshot_date_from_check CHECK ((snapshot_date_from = ANY (ARRAY['file_name'::text, 'delivery'::text]))),
    CONSTRAINT batch_status_check CHECK ((status = ANY (ARRAY['received'::text, 'loaded'::text, 'validated'::text, 'rejected'::text])))
);


--
-- Name: TABLE batch; Type: COMMENT; Schema: audit; Owner: -
--

COMMENT ON TABLE audit.batch IS 'One row per distinct delivered file (SHA-256); status received -> loaded | rejected.';


--
-- Name: COLUMN batch.validation_run_id; Type: COMMENT; Schema: audit; Owner: -
--

COMMENT ON COLUMN audit.batch.validation_run_id IS 'The audit.validation_run that validated or rejected the batch.';


--
-- Name: batch_batch_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.batch ALTER COLUMN batch_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.batch_batch_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: expectation_result; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.expectation_result (
    run_id bigint NOT NULL,
    batch_id bigint NOT NULL,
    rule text NOT NULL,
    expectation_type text NOT NULL,
    column_name text,
    severity text NOT NULL,
    success boolean NOT NULL,
    observed_value text,
    element_count bigint,
    unexpected_count bigint,
    unexpected_percent numeric(7,3),
    exception text,
    CONSTRAINT expectation_result_severity_check CHECK ((severity = ANY (ARRAY['row'::text, 'batch'::text, 'note'::text])))
);


--
-- Name: parse_problem; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.parse_problem (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    column_name text NOT NULL,
    problem text NOT NULL,
    detail text
);


--
-- Name: person_key_rotation; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.person_key_rotation (
    rotation_id bigint NOT NULL,
    rotated_at timestamp with time zone DEFAULT now() NOT NULL,
    rotated_by text DEFAULT CURRENT_USER NOT NULL,
    old_fingerprint character(64) NOT NULL,
    new_fingerprint character(64) NOT NULL,
    detail jsonb NOT NULL
);


--
-- Name: person_key_rotation_rotation_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.person_key_rotation ALTER COLUMN rotation_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.person_key_rotation_rotation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: receipt; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.receipt (
    receipt_id bigint CONSTRAINT delivery_delivery_id_not_null NOT NULL,
    batch_id bigint,
    sha256 character(64) CONSTRAINT delivery_sha256_not_null NOT NULL,
    original_path text CONSTRAINT delivery_original_path_not_null NOT NULL,
    received_at timestamp with time zone DEFAULT now() CONSTRAINT delivery_received_at_not_null NOT NULL,
    outcome text CONSTRAINT delivery_outcome_not_null NOT NULL,
    message text,
    CONSTRAINT receipt_outcome_check CHECK ((outcome = ANY (ARRAY['loaded'::text, 'rejected'::text, 'duplicate'::text, 'unrecognised'::text])))
);


--
-- Name: TABLE receipt; Type: COMMENT; Schema: audit; Owner: -
--

COMMENT ON TABLE audit.receipt IS 'One row per time a file was picked up from a landing folder, duplicates and unrecognised files included.';


--
-- Name: receipt_receipt_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.receipt ALTER COLUMN receipt_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.receipt_receipt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: report_delivery; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.report_delivery (
    delivery_id bigint NOT NULL,
    recipient text NOT NULL,
    period text NOT NULL,
    region_code text NOT NULL,
    content_sha256 character(64) NOT NULL,
    outbox_path text NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT report_delivery_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'sent'::text, 'failed'::text])))
);


--
-- Name: report_delivery_delivery_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.report_delivery ALTER COLUMN delivery_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.report_delivery_delivery_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: report_run; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.report_run (
    report_run_id bigint NOT NULL,
    period text NOT NULL,
    region_code text NOT NULL,
    output_dir text NOT NULL,
    content_sha256 character(64) NOT NULL,
    files jsonb NOT NULL,
    rendered_at timestamp with time zone DEFAULT now() NOT NULL,
    rendered_by text DEFAULT CURRENT_USER NOT NULL
);


--
-- Name: report_run_report_run_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.report_run ALTER COLUMN report_run_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.report_run_report_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: retention_action; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.retention_action (
    action_id bigint NOT NULL,
    acted_at timestamp with time zone DEFAULT now() NOT NULL,
    acted_by text DEFAULT CURRENT_USER NOT NULL,
    item text NOT NULL,
    keep_days integer NOT NULL,
    cutoff timestamp with time zone NOT NULL,
    removed bigint NOT NULL,
    detail jsonb,
    CONSTRAINT retention_action_keep_days_check CHECK ((keep_days > 0))
);


--
-- Name: retention_action_action_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.retention_action ALTER COLUMN action_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.retention_action_action_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: validation_run; Type: TABLE; Schema: audit; Owner: -
--

CREATE TABLE audit.validation_run (
    run_id bigint NOT NULL,
    suite_name text NOT NULL,
    suite_sha256 character(64) NOT NULL,
    source text NOT NULL,
    batch_ids bigint[] NOT NULL,
    gx_version text NOT NULL,
    gx_run_name text NOT NULL,
    gx_result text,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    success boolean,
    evaluated integer,
    failed integer,
    rows_checked bigint,
    rows_quarantined bigint,
    batches_rejected integer,
    run_by text DEFAULT CURRENT_USER NOT NULL,
    message text
);


--
-- Name: TABLE validation_run; Type: COMMENT; Schema: audit; Owner: -
--

COMMENT ON TABLE audit.validation_run IS 'One GX suite run over a set of batches; see audit.expectation_result for each check.';


--
-- Name: validation_run_run_id_seq; Type: SEQUENCE; Schema: audit; Owner: -
--

ALTER TABLE audit.validation_run ALTER COLUMN run_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.validation_run_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dim_country; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_country (
    country_code character(3) NOT NULL,
    name text NOT NULL
);


--
-- Name: dim_date; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_date (
    date_key integer NOT NULL,
    full_date date NOT NULL,
    year smallint NOT NULL,
    semester smallint NOT NULL,
    quarter smallint NOT NULL,
    month smallint NOT NULL,
    month_name text NOT NULL,
    day smallint NOT NULL
);


--
-- Name: dim_district; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_district (
    district_code text NOT NULL,
    regency_code text NOT NULL,
    name text NOT NULL
);


--
-- Name: dim_employer; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_employer (
    employer_key integer NOT NULL,
    nib text NOT NULL,
    employer_name text,
    kbli text,
    valid_from date NOT NULL,
    valid_to date DEFAULT '9999-12-31'::date NOT NULL,
    is_current boolean DEFAULT true NOT NULL
);


--
-- Name: dim_employer_employer_key_seq; Type: SEQUENCE; Schema: core; Owner: -
--

ALTER TABLE core.dim_employer ALTER COLUMN employer_key ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME core.dim_employer_employer_key_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dim_occupation; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_occupation (
    kbji_code character(4) NOT NULL,
    title text NOT NULL,
    restricted boolean DEFAULT false NOT NULL
);


--
-- Name: dim_permit_type; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_permit_type (
    permit_type_key integer NOT NULL,
    permit_type text NOT NULL,
    visa_index text DEFAULT ''::text NOT NULL,
    purpose text DEFAULT ''::text NOT NULL,
    is_work boolean GENERATED ALWAYS AS (((visa_index = 'E23'::text) OR (purpose = 'BEKERJA'::text))) STORED
);


--
-- Name: dim_permit_type_permit_type_key_seq; Type: SEQUENCE; Schema: core; Owner: -
--

ALTER TABLE core.dim_permit_type ALTER COLUMN permit_type_key ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME core.dim_permit_type_permit_type_key_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dim_person; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_person (
    person_key character(64) NOT NULL,
    nationality character(3)
);


--
-- Name: dim_pmi_person; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_pmi_person (
    person_key character(64) NOT NULL,
    identified_by text NOT NULL,
    CONSTRAINT dim_pmi_person_identified_by_check CHECK ((identified_by = ANY (ARRAY['nik'::text, 'passport'::text, 'name_birth_origin'::text])))
);


--
-- Name: dim_region; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.dim_region (
    region_code text NOT NULL,
    level text NOT NULL,
    province_code character(2) NOT NULL,
    name text NOT NULL,
    population_2025 bigint,
    area_km2 numeric(12,3),
    CONSTRAINT dim_region_level_check CHECK ((level = ANY (ARRAY['national'::text, 'province'::text, 'regency'::text])))
);


--
-- Name: document_link; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.document_link (
    period text NOT NULL,
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    person_key character(64),
    link_method text NOT NULL,
    candidates integer DEFAULT 0 NOT NULL,
    CONSTRAINT document_link_link_method_check CHECK ((link_method = ANY (ARRAY['passport'::text, 'permit_number'::text, 'name_birth_date'::text, 'ambiguous'::text, 'unlinked'::text])))
);


--
-- Name: fact_admin_action; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_admin_action (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    person_key character(64),
    nationality character(3),
    action_type text,
    action_date date,
    regency_code text
);


--
-- Name: fact_departure_postponement; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_departure_postponement (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    nik_key character(64),
    passport_key character(64),
    name_key character(64),
    sex character(1),
    origin_regency_code text,
    origin_district_code text,
    origin_from text,
    postponement_number text,
    postponement_date date,
    checkpoint text,
    destination_country character(3),
    stated_purpose text,
    reason text,
    handed_to text,
    age_at_postponement smallint
);


--
-- Name: fact_discrepancy; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_discrepancy (
    period text NOT NULL,
    rule_code text NOT NULL,
    person_key character(64) NOT NULL,
    regency_code text NOT NULL
);


--
-- Name: fact_operation_visit; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_operation_visit (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    order_key character(64) NOT NULL,
    visit_date date NOT NULL,
    regency_code text NOT NULL,
    district_code text,
    site_name text NOT NULL,
    nib text,
    site_kind text NOT NULL,
    foreigners_checked integer NOT NULL,
    findings_no_permit integer NOT NULL,
    findings_permit_mismatch integer NOT NULL,
    findings_overstay integer NOT NULL,
    actions_on_spot integer NOT NULL
);


--
-- Name: fact_passport_application; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_passport_application (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    nik_key character(64),
    passport_key character(64),
    name_key character(64),
    sex character(1),
    origin_regency_code text,
    origin_district_code text,
    origin_from text,
    application_number text,
    application_date date,
    office text,
    purpose text,
    destination_country character(3),
    work_recommendation text,
    status text,
    reason text,
    issue_date date
);


--
-- Name: fact_person_status; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_person_status (
    month text NOT NULL,
    reference_date date NOT NULL,
    person_key character(64) NOT NULL,
    regency_code text NOT NULL,
    nationality character(3),
    has_valid_permit boolean NOT NULL,
    has_work_permit boolean NOT NULL,
    has_rptka_position boolean NOT NULL,
    is_registered boolean NOT NULL,
    rule_codes text[] DEFAULT '{}'::text[] NOT NULL
);


--
-- Name: fact_pmi_indication; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_pmi_indication (
    period text NOT NULL,
    rule_code text NOT NULL,
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    person_key character(64) NOT NULL,
    regency_code text NOT NULL,
    district_code text
);


--
-- Name: fact_pmi_placement; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_pmi_placement (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    nik_key character(64),
    passport_key character(64),
    name_key character(64),
    sex character(1),
    origin_regency_code text,
    origin_district_code text,
    origin_from text,
    destination_country character(3),
    sector text,
    scheme text,
    job_title text,
    agency_name text,
    departure_date date,
    contract_end_date date,
    status text,
    age_at_departure smallint
);


--
-- Name: fact_pmi_return; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_pmi_return (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    nik_key character(64),
    passport_key character(64),
    name_key character(64),
    sex character(1),
    origin_regency_code text,
    origin_district_code text,
    origin_from text,
    register_number text,
    arrival_date date,
    arrival_post text,
    deported_from character(3),
    case_type text
);


--
-- Name: fact_population_document; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_population_document (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    person_key character(64),
    permit_key character(64),
    nationality character(3),
    document_type text,
    document_status text,
    regency_code text,
    issue_date date,
    valid_until date,
    district_code text
);


--
-- Name: fact_rptka_location; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_rptka_location (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    regency_code text NOT NULL
);


--
-- Name: fact_rptka_position; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_rptka_position (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    position_key character(64) NOT NULL,
    person_key character(64),
    employer_nib text,
    employer_key integer,
    kbji_code character(4),
    position_title text,
    nationality character(3),
    start_date date,
    end_date date,
    dkptka_months integer,
    dkptka_usd numeric(14,2),
    companion_count integer
);


--
-- Name: fact_stay_permit; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.fact_stay_permit (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    snapshot_date date NOT NULL,
    person_key character(64),
    permit_key character(64),
    permit_type_key integer,
    nationality character(3),
    regency_code text,
    issue_date date,
    expiry_date date,
    status text,
    sponsor_nib text
);


--
-- Name: period_batch; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.period_batch (
    period text NOT NULL,
    source text NOT NULL,
    file_scope text,
    batch_id bigint NOT NULL
);


--
-- Name: period_build; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.period_build (
    period text NOT NULL,
    reference_date date NOT NULL,
    period_start date NOT NULL,
    previous_period text NOT NULL,
    built_at timestamp with time zone DEFAULT now() NOT NULL,
    built_by text DEFAULT CURRENT_USER NOT NULL,
    batches integer NOT NULL,
    seconds numeric(8,2)
);


--
-- Name: person_key_check; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.person_key_check (
    fingerprint character(64) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: pmi_destination_rule; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.pmi_destination_rule (
    country_code character(3) NOT NULL,
    restriction text NOT NULL,
    source text NOT NULL,
    CONSTRAINT pmi_destination_rule_restriction_check CHECK ((restriction = ANY (ARRAY['closed'::text, 'informal_moratorium'::text])))
);


--
-- Name: pmi_identity_map; Type: TABLE; Schema: core; Owner: -
--

CREATE TABLE core.pmi_identity_map (
    identity_key character(64) NOT NULL,
    kind text NOT NULL,
    person_key character(64),
    link_method text NOT NULL,
    candidates integer NOT NULL,
    CONSTRAINT pmi_identity_map_kind_check CHECK ((kind = ANY (ARRAY['nik'::text, 'passport'::text, 'name_birth_origin'::text]))),
    CONSTRAINT pmi_identity_map_link_method_check CHECK ((link_method = ANY (ARRAY['nik'::text, 'passport'::text, 'name_birth_origin'::text, 'ambiguous'::text])))
);


--
-- Name: figure_row; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.figure_row (
    period text NOT NULL,
    region_code text NOT NULL,
    figure text NOT NULL,
    category text DEFAULT ''::text NOT NULL,
    source text NOT NULL,
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    unit_key text NOT NULL,
    masked_id text,
    link_method text NOT NULL,
    amount numeric(14,2)
);


--
-- Name: followup; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.followup (
    period text NOT NULL,
    region_code text NOT NULL,
    rule_code text NOT NULL,
    person_ref text NOT NULL,
    nationality character(3),
    person_key character(64) NOT NULL
);


--
-- Name: pmi_followup; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.pmi_followup (
    period text NOT NULL,
    region_code text NOT NULL,
    rule_code text NOT NULL,
    person_key character(64) NOT NULL,
    area_code text NOT NULL,
    person_ref text NOT NULL
);


--
-- Name: pmi_priority_area; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.pmi_priority_area (
    period text NOT NULL,
    region_code text NOT NULL,
    area_code text NOT NULL,
    area_name text NOT NULL,
    persons_indicated integer NOT NULL,
    placements_departed integer NOT NULL
);


--
-- Name: region_breakdown; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.region_breakdown (
    period text NOT NULL,
    region_code text NOT NULL,
    measure text NOT NULL,
    category text NOT NULL,
    label text,
    value numeric(16,2) NOT NULL
);


--
-- Name: region_figures; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.region_figures (
    period text NOT NULL,
    region_code text NOT NULL,
    level text NOT NULL,
    region_name text NOT NULL,
    province_code character(2) NOT NULL,
    reference_date date NOT NULL,
    foreigners_total integer NOT NULL,
    itas integer NOT NULL,
    itap integer NOT NULL,
    itk integer NOT NULL,
    workers_total integer NOT NULL,
    registered_total integer NOT NULL,
    expiring_90_days integer NOT NULL,
    dkptka_due_usd bigint NOT NULL,
    dkptka_paid_usd numeric(16,2) NOT NULL,
    population_2025 bigint,
    pmi_placements_departed integer DEFAULT 0 NOT NULL,
    pmi_placements_informal integer DEFAULT 0 NOT NULL,
    pmi_passports_withheld integer DEFAULT 0 NOT NULL,
    pmi_persons_indicated integer DEFAULT 0 NOT NULL
);


--
-- Name: region_lineage; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.region_lineage (
    period text NOT NULL,
    region_code text NOT NULL,
    batch_id bigint NOT NULL,
    source text NOT NULL,
    file_name text NOT NULL,
    snapshot_date date NOT NULL,
    sha256 character(64) NOT NULL,
    rows_in_region integer NOT NULL,
    batch_rows integer,
    rows_quarantined integer NOT NULL,
    checks_failed text
);


--
-- Name: region_trend; Type: VIEW; Schema: mart; Owner: -
--

CREATE VIEW mart.region_trend AS
 SELECT f.period,
    f.region_code,
    f.region_name,
    f.level,
    f.foreigners_total,
    p.foreigners_total AS foreigners_total_previous,
    f.workers_total,
    p.workers_total AS workers_total_previous,
    f.registered_total,
    p.registered_total AS registered_total_previous,
    p.period AS previous_period
   FROM ((mart.region_figures f
     LEFT JOIN core.period_build b ON ((b.period = f.period)))
     LEFT JOIN mart.region_figures p ON (((p.region_code = f.region_code) AND (p.period = b.previous_period))));


--
-- Name: target_contribution; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.target_contribution (
    period text NOT NULL,
    region_code text NOT NULL,
    site_id text NOT NULL,
    factor text NOT NULL,
    quantity numeric(14,4) NOT NULL,
    weight numeric(14,4) NOT NULL,
    points numeric(14,4) NOT NULL
);


--
-- Name: target_last_visit; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.target_last_visit (
    period text NOT NULL,
    region_code text NOT NULL,
    site_id text NOT NULL,
    visit_date date NOT NULL,
    foreigners_checked integer NOT NULL,
    findings_no_permit integer NOT NULL,
    findings_permit_mismatch integer NOT NULL,
    findings_overstay integer NOT NULL,
    actions_on_spot integer NOT NULL
);


--
-- Name: target_site; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.target_site (
    period text NOT NULL,
    region_code text NOT NULL,
    site_id text NOT NULL,
    rank integer NOT NULL,
    nib text,
    site_name text,
    regency_code text NOT NULL,
    district_code text,
    workers integer NOT NULL,
    score numeric(14,4) NOT NULL,
    weights_sha256 character(64) NOT NULL
);


--
-- Name: target_worker; Type: TABLE; Schema: mart; Owner: -
--

CREATE TABLE mart.target_worker (
    period text NOT NULL,
    region_code text NOT NULL,
    site_id text NOT NULL,
    person_key character(64) NOT NULL,
    person_ref text,
    nationality character(3),
    flags text[] NOT NULL
);


--
-- Name: person; Type: TABLE; Schema: pii; Owner: -
--

CREATE TABLE pii.person (
    person_key character(64) NOT NULL,
    passport_number text NOT NULL,
    nationality character(3) NOT NULL,
    first_batch_id bigint NOT NULL
);


--
-- Name: pmi_identity; Type: TABLE; Schema: pii; Owner: -
--

CREATE TABLE pii.pmi_identity (
    identity_key character(64) NOT NULL,
    kind text NOT NULL,
    identifier text NOT NULL,
    first_batch_id bigint NOT NULL
);


--
-- Name: stay_permit; Type: TABLE; Schema: pii; Owner: -
--

CREATE TABLE pii.stay_permit (
    permit_key character(64) NOT NULL,
    permit_number text NOT NULL
);


--
-- Name: decision; Type: TABLE; Schema: quarantine; Owner: -
--

CREATE TABLE quarantine.decision (
    decision_id bigint NOT NULL,
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    decision text NOT NULL,
    decided_by text NOT NULL,
    why text NOT NULL,
    corrections jsonb DEFAULT '{}'::jsonb NOT NULL,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT decision_decision_check CHECK ((decision = ANY (ARRAY['release'::text, 'discard'::text]))),
    CONSTRAINT decision_why_check CHECK ((length(TRIM(BOTH FROM why)) > 0))
);


--
-- Name: decision_decision_id_seq; Type: SEQUENCE; Schema: quarantine; Owner: -
--

ALTER TABLE quarantine.decision ALTER COLUMN decision_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME quarantine.decision_decision_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: held_row; Type: TABLE; Schema: quarantine; Owner: -
--

CREATE TABLE quarantine.held_row (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    source text NOT NULL,
    run_id bigint NOT NULL,
    held_at timestamp with time zone DEFAULT now() NOT NULL,
    status text DEFAULT 'held'::text NOT NULL,
    CONSTRAINT held_row_status_check CHECK ((status = ANY (ARRAY['held'::text, 'released'::text, 'discarded'::text])))
);


--
-- Name: excluded_row; Type: VIEW; Schema: quarantine; Owner: -
--

CREATE VIEW quarantine.excluded_row AS
 SELECT batch_id,
    row_number,
    source,
    status
   FROM quarantine.held_row
  WHERE (status = ANY (ARRAY['held'::text, 'discarded'::text]));


--
-- Name: VIEW excluded_row; Type: COMMENT; Schema: quarantine; Owner: -
--

COMMENT ON VIEW quarantine.excluded_row IS 'Rows core must skip: still held, or discarded by a data engineer.';


--
-- Name: reason; Type: TABLE; Schema: quarantine; Owner: -
--

CREATE TABLE quarantine.reason (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    run_id bigint NOT NULL,
    rule text NOT NULL,
    expectation_type text NOT NULL,
    column_name text,
    observed_value text,
    reason_id text NOT NULL,
    reason_en text NOT NULL
);


--
-- Name: row_note; Type: TABLE; Schema: quarantine; Owner: -
--

CREATE TABLE quarantine.row_note (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    run_id bigint NOT NULL,
    rule text NOT NULL,
    expectation_type text NOT NULL,
    column_name text,
    observed_value text,
    reason_id text NOT NULL,
    reason_en text NOT NULL
);


--
-- Name: bp3mi_pemulangan; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.bp3mi_pemulangan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nomor_register text,
    tanggal_tiba text,
    pelabuhan_tiba text,
    nama text,
    nik text,
    jenis_kelamin text,
    tanggal_lahir text,
    kab_kota_asal text,
    negara_asal text,
    jenis_kasus text,
    no_paspor text
);


--
-- Name: dukcapil_orang_asing; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.dukcapil_orang_asing (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nik text,
    nama_lgkp text,
    jenis_klmin text,
    tgl_lhr text,
    kewarganegaraan text,
    no_paspor text,
    no_izin_tinggal text,
    jenis_dokumen text,
    tgl_terbit text,
    tgl_berlaku text,
    no_prop text,
    no_kab text,
    no_kec text,
    alamat text,
    stat_dok text
);


--
-- Name: extra_field; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.extra_field (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    column_name text NOT NULL,
    value text
);


--
-- Name: imigrasi_izin_tinggal; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.imigrasi_izin_tinggal (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nomor_izin text,
    jenis_izin text,
    indeks_visa text,
    tujuan text,
    nama_lengkap text,
    jenis_kelamin text,
    tanggal_lahir text,
    kewarganegaraan text,
    nomor_paspor text,
    tgl_habis_paspor text,
    penjamin text,
    alamat text,
    kab_kota text,
    tgl_terbit text,
    tgl_habis text,
    status text,
    kantor_imigrasi text
);


--
-- Name: imigrasi_paspor; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.imigrasi_paspor (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nomor_permohonan text,
    tanggal_permohonan text,
    nik text,
    nama_lengkap text,
    jenis_kelamin text,
    tanggal_lahir text,
    kab_kota text,
    tujuan text,
    negara_tujuan text,
    rekomendasi_kerja text,
    status text,
    alasan text,
    nomor_paspor text,
    tanggal_terbit text,
    kantor_imigrasi text
);


--
-- Name: imigrasi_penundaan; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.imigrasi_penundaan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nomor_penundaan text,
    tanggal text,
    tpi text,
    nama_lengkap text,
    nik text,
    nomor_paspor text,
    jenis_kelamin text,
    tanggal_lahir text,
    kab_kota_asal text,
    negara_tujuan text,
    tujuan_dinyatakan text,
    alasan text,
    diserahkan_kepada text
);


--
-- Name: imigrasi_tindakan; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.imigrasi_tindakan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nomor_tindakan text,
    tanggal_tindakan text,
    nama_lengkap text,
    nomor_paspor text,
    kewarganegaraan text,
    jenis_tindakan text,
    pelanggaran text,
    kab_kota text,
    kantor_imigrasi text
);


--
-- Name: kp2mi_penempatan; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.kp2mi_penempatan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    id_pmi text,
    nik text,
    nama text,
    jenis_kelamin text,
    tgl_lahir text,
    kab_kota_asal text,
    no_paspor text,
    negara_tujuan text,
    jabatan text,
    sektor text,
    skema text,
    p3mi text,
    tgl_berangkat text,
    tgl_akhir_kontrak text,
    status text
);


--
-- Name: tenaga_kerja_tka; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.tenaga_kerja_tka (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    no_pengesahan_rptka text,
    nama_perusahaan text,
    nib text,
    kbli text,
    lokasi_kerja text,
    nama_tka text,
    nomor_paspor text,
    kewarganegaraan text,
    jenis_kelamin text,
    tanggal_lahir text,
    jabatan text,
    kode_jabatan text,
    tgl_mulai text,
    tgl_selesai text,
    dkptka_bulan text,
    dkptka_usd text,
    jumlah_pendamping text
);


--
-- Name: timpora_operasi; Type: TABLE; Schema: raw; Owner: -
--

CREATE TABLE raw.timpora_operasi (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nomor_sprin text,
    tanggal_operasi text,
    kab_kota text,
    kecamatan text,
    nama_lokasi text,
    nib text,
    jenis_lokasi text,
    orang_asing_diperiksa text,
    temuan_tanpa_izin text,
    temuan_izin_tidak_sesuai text,
    temuan_overstay text,
    tindakan text,
    keterangan text
);


--
-- Name: bp3mi_pemulangan; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.bp3mi_pemulangan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    register_number text,
    arrival_date date,
    arrival_post text,
    full_name text,
    nik text,
    sex character(1),
    birth_date date,
    stated_regency_code text,
    deported_from character(3),
    case_type text,
    passport_number text,
    nik_valid boolean,
    origin_regency_code text,
    origin_district_code text,
    origin_from text
);


--
-- Name: dukcapil_orang_asing; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.dukcapil_orang_asing (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    nik text,
    full_name text,
    sex character(1),
    birth_date date,
    nationality character(3),
    passport_number text,
    permit_number text,
    document_type text,
    issue_date date,
    valid_until date,
    siak_province text,
    siak_regency text,
    siak_district text,
    address text,
    document_status text,
    regency_code text,
    district_code text
);


--
-- Name: imigrasi_izin_tinggal; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.imigrasi_izin_tinggal (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    permit_number text,
    permit_type text,
    visa_index text,
    purpose text,
    full_name text,
    sex character(1),
    birth_date date,
    nationality character(3),
    passport_number text,
    passport_expiry date,
    sponsor text,
    address text,
    regency_code text,
    issue_date date,
    expiry_date date,
    status text,
    office text
);


--
-- Name: imigrasi_paspor; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.imigrasi_paspor (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    application_number text,
    application_date date,
    nik text,
    full_name text,
    sex character(1),
    birth_date date,
    stated_regency_code text,
    purpose text,
    destination_country character(3),
    work_recommendation text,
    status text,
    reason text,
    passport_number text,
    issue_date date,
    office text,
    nik_valid boolean,
    origin_regency_code text,
    origin_district_code text,
    origin_from text
);


--
-- Name: imigrasi_penundaan; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.imigrasi_penundaan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    postponement_number text,
    postponement_date date,
    checkpoint text,
    full_name text,
    nik text,
    passport_number text,
    sex character(1),
    birth_date date,
    stated_regency_code text,
    destination_country character(3),
    stated_purpose text,
    reason text,
    handed_to text,
    nik_valid boolean,
    origin_regency_code text,
    origin_district_code text,
    origin_from text
);


--
-- Name: imigrasi_tindakan; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.imigrasi_tindakan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    action_number text,
    action_date date,
    full_name text,
    passport_number text,
    nationality character(3),
    action_type text,
    violation text,
    regency_code text,
    office text
);


--
-- Name: kp2mi_penempatan; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.kp2mi_penempatan (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    placement_id text,
    nik text,
    full_name text,
    sex character(1),
    birth_date date,
    stated_regency_code text,
    passport_number text,
    destination_country character(3),
    job_title text,
    sector text,
    scheme text,
    agency_name text,
    departure_date date,
    contract_end_date date,
    status text,
    nik_valid boolean,
    origin_regency_code text,
    origin_district_code text,
    origin_from text
);


--
-- Name: tenaga_kerja_tka; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.tenaga_kerja_tka (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    rptka_number text,
    employer_name text,
    nib text,
    kbli text,
    work_location text,
    worker_name text,
    passport_number text,
    nationality character(3),
    sex character(1),
    birth_date date,
    position_title text,
    occupation_code text,
    start_date date,
    end_date date,
    dkptka_months integer,
    dkptka_usd numeric(14,2),
    companion_count integer
);


--
-- Name: tenaga_kerja_tka_lokasi; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.tenaga_kerja_tka_lokasi (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    location_seq smallint NOT NULL,
    location_name text NOT NULL,
    regency_code text
);


--
-- Name: timpora_operasi; Type: TABLE; Schema: staging; Owner: -
--

CREATE TABLE staging.timpora_operasi (
    batch_id bigint NOT NULL,
    row_number integer NOT NULL,
    order_number text,
    visit_date date,
    regency_code text,
    district_name text,
    site_name text,
    nib text,
    site_kind text,
    foreigners_checked integer,
    findings_no_permit integer,
    findings_permit_mismatch integer,
    findings_overstay integer,
    actions_on_spot integer,
    district_code text
);


--
-- Name: alert alert_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.alert
    ADD CONSTRAINT alert_pkey PRIMARY KEY (alert_id);


--
-- Name: batch batch_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.batch
    ADD CONSTRAINT batch_pkey PRIMARY KEY (batch_id);


--
-- Name: batch batch_sha256_key; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.batch
    ADD CONSTRAINT batch_sha256_key UNIQUE (sha256);


--
-- Name: expectation_result expectation_result_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.expectation_result
    ADD CONSTRAINT expectation_result_pkey PRIMARY KEY (run_id, batch_id, rule);


--
-- Name: person_key_rotation person_key_rotation_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.person_key_rotation
    ADD CONSTRAINT person_key_rotation_pkey PRIMARY KEY (rotation_id);


--
-- Name: receipt receipt_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.receipt
    ADD CONSTRAINT receipt_pkey PRIMARY KEY (receipt_id);


--
-- Name: report_delivery report_delivery_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.report_delivery
    ADD CONSTRAINT report_delivery_pkey PRIMARY KEY (delivery_id);


--
-- Name: report_delivery report_delivery_recipient_period_region_code_content_sha256_key; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.report_delivery
    ADD CONSTRAINT report_delivery_recipient_period_region_code_content_sha256_key UNIQUE (recipient, period, region_code, content_sha256);


--
-- Name: report_run report_run_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.report_run
    ADD CONSTRAINT report_run_pkey PRIMARY KEY (report_run_id);


--
-- Name: retention_action retention_action_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.retention_action
    ADD CONSTRAINT retention_action_pkey PRIMARY KEY (action_id);


--
-- Name: validation_run validation_run_pkey; Type: CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.validation_run
    ADD CONSTRAINT validation_run_pkey PRIMARY KEY (run_id);


--
-- Name: dim_country dim_country_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_country
    ADD CONSTRAINT dim_country_pkey PRIMARY KEY (country_code);


--
-- Name: dim_date dim_date_full_date_key; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_date
    ADD CONSTRAINT dim_date_full_date_key UNIQUE (full_date);


--
-- Name: dim_date dim_date_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_date
    ADD CONSTRAINT dim_date_pkey PRIMARY KEY (date_key);


--
-- Name: dim_district dim_district_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_district
    ADD CONSTRAINT dim_district_pkey PRIMARY KEY (district_code);


--
-- Name: dim_employer dim_employer_nib_valid_from_key; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_employer
    ADD CONSTRAINT dim_employer_nib_valid_from_key UNIQUE (nib, valid_from);


--
-- Name: dim_employer dim_employer_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_employer
    ADD CONSTRAINT dim_employer_pkey PRIMARY KEY (employer_key);


--
-- Name: dim_occupation dim_occupation_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_occupation
    ADD CONSTRAINT dim_occupation_pkey PRIMARY KEY (kbji_code);


--
-- Name: dim_permit_type dim_permit_type_permit_type_visa_index_purpose_key; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_permit_type
    ADD CONSTRAINT dim_permit_type_permit_type_visa_index_purpose_key UNIQUE (permit_type, visa_index, purpose);


--
-- Name: dim_permit_type dim_permit_type_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_permit_type
    ADD CONSTRAINT dim_permit_type_pkey PRIMARY KEY (permit_type_key);


--
-- Name: dim_person dim_person_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_person
    ADD CONSTRAINT dim_person_pkey PRIMARY KEY (person_key);


--
-- Name: dim_pmi_person dim_pmi_person_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_pmi_person
    ADD CONSTRAINT dim_pmi_person_pkey PRIMARY KEY (person_key);


--
-- Name: dim_region dim_region_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_region
    ADD CONSTRAINT dim_region_pkey PRIMARY KEY (region_code);


--
-- Name: document_link document_link_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.document_link
    ADD CONSTRAINT document_link_pkey PRIMARY KEY (period, batch_id, row_number);


--
-- Name: fact_admin_action fact_admin_action_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_admin_action
    ADD CONSTRAINT fact_admin_action_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_departure_postponement fact_departure_postponement_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_departure_postponement
    ADD CONSTRAINT fact_departure_postponement_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_discrepancy fact_discrepancy_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_discrepancy
    ADD CONSTRAINT fact_discrepancy_pkey PRIMARY KEY (period, rule_code, person_key, regency_code);


--
-- Name: fact_operation_visit fact_operation_visit_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_operation_visit
    ADD CONSTRAINT fact_operation_visit_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_passport_application fact_passport_application_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_passport_application
    ADD CONSTRAINT fact_passport_application_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_person_status fact_person_status_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_person_status
    ADD CONSTRAINT fact_person_status_pkey PRIMARY KEY (month, person_key, regency_code);


--
-- Name: fact_pmi_indication fact_pmi_indication_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_indication
    ADD CONSTRAINT fact_pmi_indication_pkey PRIMARY KEY (period, rule_code, batch_id, row_number);


--
-- Name: fact_pmi_placement fact_pmi_placement_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_placement
    ADD CONSTRAINT fact_pmi_placement_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_pmi_return fact_pmi_return_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_return
    ADD CONSTRAINT fact_pmi_return_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_population_document fact_population_document_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_rptka_location fact_rptka_location_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_location
    ADD CONSTRAINT fact_rptka_location_pkey PRIMARY KEY (batch_id, row_number, regency_code);


--
-- Name: fact_rptka_position fact_rptka_position_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_position
    ADD CONSTRAINT fact_rptka_position_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: fact_stay_permit fact_stay_permit_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: period_batch period_batch_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.period_batch
    ADD CONSTRAINT period_batch_pkey PRIMARY KEY (period, batch_id);


--
-- Name: period_build period_build_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.period_build
    ADD CONSTRAINT period_build_pkey PRIMARY KEY (period);


--
-- Name: pmi_destination_rule pmi_destination_rule_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.pmi_destination_rule
    ADD CONSTRAINT pmi_destination_rule_pkey PRIMARY KEY (country_code, restriction);


--
-- Name: pmi_identity_map pmi_identity_map_pkey; Type: CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.pmi_identity_map
    ADD CONSTRAINT pmi_identity_map_pkey PRIMARY KEY (identity_key);


--
-- Name: figure_row figure_row_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.figure_row
    ADD CONSTRAINT figure_row_pkey PRIMARY KEY (period, region_code, figure, category, batch_id, row_number);


--
-- Name: followup followup_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.followup
    ADD CONSTRAINT followup_pkey PRIMARY KEY (period, region_code, rule_code, person_key);


--
-- Name: pmi_followup pmi_followup_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.pmi_followup
    ADD CONSTRAINT pmi_followup_pkey PRIMARY KEY (period, region_code, rule_code, person_key, area_code);


--
-- Name: pmi_priority_area pmi_priority_area_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.pmi_priority_area
    ADD CONSTRAINT pmi_priority_area_pkey PRIMARY KEY (period, region_code, area_code);


--
-- Name: region_breakdown region_breakdown_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.region_breakdown
    ADD CONSTRAINT region_breakdown_pkey PRIMARY KEY (period, region_code, measure, category);


--
-- Name: region_figures region_figures_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.region_figures
    ADD CONSTRAINT region_figures_pkey PRIMARY KEY (period, region_code);


--
-- Name: region_lineage region_lineage_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.region_lineage
    ADD CONSTRAINT region_lineage_pkey PRIMARY KEY (period, region_code, batch_id);


--
-- Name: target_contribution target_contribution_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.target_contribution
    ADD CONSTRAINT target_contribution_pkey PRIMARY KEY (period, region_code, site_id, factor);


--
-- Name: target_last_visit target_last_visit_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.target_last_visit
    ADD CONSTRAINT target_last_visit_pkey PRIMARY KEY (period, region_code, site_id);


--
-- Name: target_site target_site_period_region_code_rank_key; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.target_site
    ADD CONSTRAINT target_site_period_region_code_rank_key UNIQUE (period, region_code, rank);


--
-- Name: target_site target_site_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.target_site
    ADD CONSTRAINT target_site_pkey PRIMARY KEY (period, region_code, site_id);


--
-- Name: target_worker target_worker_pkey; Type: CONSTRAINT; Schema: mart; Owner: -
--

ALTER TABLE ONLY mart.target_worker
    ADD CONSTRAINT target_worker_pkey PRIMARY KEY (period, region_code, site_id, person_key);


--
-- Name: person person_pkey; Type: CONSTRAINT; Schema: pii; Owner: -
--

ALTER TABLE ONLY pii.person
    ADD CONSTRAINT person_pkey PRIMARY KEY (person_key);


--
-- Name: pmi_identity pmi_identity_pkey; Type: CONSTRAINT; Schema: pii; Owner: -
--

ALTER TABLE ONLY pii.pmi_identity
    ADD CONSTRAINT pmi_identity_pkey PRIMARY KEY (identity_key);


--
-- Name: stay_permit stay_permit_pkey; Type: CONSTRAINT; Schema: pii; Owner: -
--

ALTER TABLE ONLY pii.stay_permit
    ADD CONSTRAINT stay_permit_pkey PRIMARY KEY (permit_key);


--
-- Name: decision decision_pkey; Type: CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.decision
    ADD CONSTRAINT decision_pkey PRIMARY KEY (decision_id);


--
-- Name: held_row held_row_pkey; Type: CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.held_row
    ADD CONSTRAINT held_row_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: bp3mi_pemulangan bp3mi_pemulangan_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.bp3mi_pemulangan
    ADD CONSTRAINT bp3mi_pemulangan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: dukcapil_orang_asing dukcapil_orang_asing_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.dukcapil_orang_asing
    ADD CONSTRAINT dukcapil_orang_asing_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: extra_field extra_field_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.extra_field
    ADD CONSTRAINT extra_field_pkey PRIMARY KEY (batch_id, row_number, column_name);


--
-- Name: imigrasi_izin_tinggal imigrasi_izin_tinggal_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.imigrasi_izin_tinggal
    ADD CONSTRAINT imigrasi_izin_tinggal_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_paspor imigrasi_paspor_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.imigrasi_paspor
    ADD CONSTRAINT imigrasi_paspor_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_penundaan imigrasi_penundaan_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.imigrasi_penundaan
    ADD CONSTRAINT imigrasi_penundaan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_tindakan imigrasi_tindakan_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.imigrasi_tindakan
    ADD CONSTRAINT imigrasi_tindakan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: kp2mi_penempatan kp2mi_penempatan_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.kp2mi_penempatan
    ADD CONSTRAINT kp2mi_penempatan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: tenaga_kerja_tka tenaga_kerja_tka_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.tenaga_kerja_tka
    ADD CONSTRAINT tenaga_kerja_tka_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: timpora_operasi timpora_operasi_pkey; Type: CONSTRAINT; Schema: raw; Owner: -
--

ALTER TABLE ONLY raw.timpora_operasi
    ADD CONSTRAINT timpora_operasi_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: bp3mi_pemulangan bp3mi_pemulangan_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.bp3mi_pemulangan
    ADD CONSTRAINT bp3mi_pemulangan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: dukcapil_orang_asing dukcapil_orang_asing_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.dukcapil_orang_asing
    ADD CONSTRAINT dukcapil_orang_asing_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_izin_tinggal imigrasi_izin_tinggal_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.imigrasi_izin_tinggal
    ADD CONSTRAINT imigrasi_izin_tinggal_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_paspor imigrasi_paspor_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.imigrasi_paspor
    ADD CONSTRAINT imigrasi_paspor_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_penundaan imigrasi_penundaan_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.imigrasi_penundaan
    ADD CONSTRAINT imigrasi_penundaan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: imigrasi_tindakan imigrasi_tindakan_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.imigrasi_tindakan
    ADD CONSTRAINT imigrasi_tindakan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: kp2mi_penempatan kp2mi_penempatan_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.kp2mi_penempatan
    ADD CONSTRAINT kp2mi_penempatan_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: tenaga_kerja_tka_lokasi tenaga_kerja_tka_lokasi_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.tenaga_kerja_tka_lokasi
    ADD CONSTRAINT tenaga_kerja_tka_lokasi_pkey PRIMARY KEY (batch_id, row_number, location_seq);


--
-- Name: tenaga_kerja_tka tenaga_kerja_tka_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.tenaga_kerja_tka
    ADD CONSTRAINT tenaga_kerja_tka_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: timpora_operasi timpora_operasi_pkey; Type: CONSTRAINT; Schema: staging; Owner: -
--

ALTER TABLE ONLY staging.timpora_operasi
    ADD CONSTRAINT timpora_operasi_pkey PRIMARY KEY (batch_id, row_number);


--
-- Name: alert_raised_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX alert_raised_idx ON audit.alert USING btree (raised_at);


--
-- Name: batch_pending_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX batch_pending_idx ON audit.batch USING btree (source, batch_id) WHERE (status = 'loaded'::text);


--
-- Name: batch_pii_purged_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX batch_pii_purged_idx ON audit.batch USING btree (pii_purged_at) WHERE (pii_purged_at IS NOT NULL);


--
-- Name: batch_source_snapshot_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX batch_source_snapshot_idx ON audit.batch USING btree (source, snapshot_date);


--
-- Name: expectation_result_batch_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX expectation_result_batch_idx ON audit.expectation_result USING btree (batch_id);


--
-- Name: parse_problem_batch_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX parse_problem_batch_idx ON audit.parse_problem USING btree (batch_id, row_number);


--
-- Name: receipt_sha256_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX receipt_sha256_idx ON audit.receipt USING btree (sha256);


--
-- Name: report_run_period_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX report_run_period_idx ON audit.report_run USING btree (period, region_code);


--
-- Name: validation_run_source_idx; Type: INDEX; Schema: audit; Owner: -
--

CREATE INDEX validation_run_source_idx ON audit.validation_run USING btree (source, started_at);


--
-- Name: dim_employer_current_idx; Type: INDEX; Schema: core; Owner: -
--

CREATE UNIQUE INDEX dim_employer_current_idx ON core.dim_employer USING btree (nib) WHERE is_current;


--
-- Name: fact_operation_visit_nib; Type: INDEX; Schema: core; Owner: -
--

CREATE INDEX fact_operation_visit_nib ON core.fact_operation_visit USING btree (nib) WHERE (nib IS NOT NULL);


--
-- Name: fact_person_status_region_month; Type: INDEX; Schema: core; Owner: -
--

CREATE INDEX fact_person_status_region_month ON core.fact_person_status USING btree (regency_code, month) INCLUDE (has_valid_permit, has_work_permit, has_rptka_position, is_registered);


--
-- Name: fact_rptka_position_employer_key; Type: INDEX; Schema: core; Owner: -
--

CREATE INDEX fact_rptka_position_employer_key ON core.fact_rptka_position USING btree (employer_key);


--
-- Name: fact_rptka_position_employer_nib; Type: INDEX; Schema: core; Owner: -
--

CREATE INDEX fact_rptka_position_employer_nib ON core.fact_rptka_position USING btree (employer_nib);


--
-- Name: region_figures_level_period; Type: INDEX; Schema: mart; Owner: -
--

CREATE INDEX region_figures_level_period ON mart.region_figures USING btree (level, period);


--
-- Name: region_figures_region_period; Type: INDEX; Schema: mart; Owner: -
--

CREATE INDEX region_figures_region_period ON mart.region_figures USING btree (region_code, period);


--
-- Name: decision_row_idx; Type: INDEX; Schema: quarantine; Owner: -
--

CREATE INDEX decision_row_idx ON quarantine.decision USING btree (batch_id, row_number);


--
-- Name: held_row_status_idx; Type: INDEX; Schema: quarantine; Owner: -
--

CREATE INDEX held_row_status_idx ON quarantine.held_row USING btree (source, status);


--
-- Name: reason_row_idx; Type: INDEX; Schema: quarantine; Owner: -
--

CREATE INDEX reason_row_idx ON quarantine.reason USING btree (batch_id, row_number);


--
-- Name: reason_rule_idx; Type: INDEX; Schema: quarantine; Owner: -
--

CREATE INDEX reason_rule_idx ON quarantine.reason USING btree (rule);


--
-- Name: row_note_row_idx; Type: INDEX; Schema: quarantine; Owner: -
--

CREATE INDEX row_note_row_idx ON quarantine.row_note USING btree (batch_id, row_number);


--
-- Name: batch batch_validation_run_fk; Type: FK CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.batch
    ADD CONSTRAINT batch_validation_run_fk FOREIGN KEY (validation_run_id) REFERENCES audit.validation_run(run_id);


--
-- Name: expectation_result expectation_result_batch_id_fkey; Type: FK CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.expectation_result
    ADD CONSTRAINT expectation_result_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id);


--
-- Name: expectation_result expectation_result_run_id_fkey; Type: FK CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.expectation_result
    ADD CONSTRAINT expectation_result_run_id_fkey FOREIGN KEY (run_id) REFERENCES audit.validation_run(run_id);


--
-- Name: receipt receipt_batch_id_fkey; Type: FK CONSTRAINT; Schema: audit; Owner: -
--

ALTER TABLE ONLY audit.receipt
    ADD CONSTRAINT receipt_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id);


--
-- Name: dim_district dim_district_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_district
    ADD CONSTRAINT dim_district_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: dim_person dim_person_nationality_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.dim_person
    ADD CONSTRAINT dim_person_nationality_fkey FOREIGN KEY (nationality) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_admin_action fact_admin_action_batch_id_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_admin_action
    ADD CONSTRAINT fact_admin_action_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id) NOT ENFORCED;


--
-- Name: fact_admin_action fact_admin_action_nationality_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_admin_action
    ADD CONSTRAINT fact_admin_action_nationality_fkey FOREIGN KEY (nationality) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_admin_action fact_admin_action_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_admin_action
    ADD CONSTRAINT fact_admin_action_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_admin_action fact_admin_action_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_admin_action
    ADD CONSTRAINT fact_admin_action_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_admin_action fact_admin_action_snapshot_date_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_admin_action
    ADD CONSTRAINT fact_admin_action_snapshot_date_fkey FOREIGN KEY (snapshot_date) REFERENCES core.dim_date(full_date) NOT ENFORCED;


--
-- Name: fact_departure_postponement fact_departure_postponement_destination_country_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_departure_postponement
    ADD CONSTRAINT fact_departure_postponement_destination_country_fkey FOREIGN KEY (destination_country) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_departure_postponement fact_departure_postponement_origin_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_departure_postponement
    ADD CONSTRAINT fact_departure_postponement_origin_district_code_fkey FOREIGN KEY (origin_district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_departure_postponement fact_departure_postponement_origin_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_departure_postponement
    ADD CONSTRAINT fact_departure_postponement_origin_regency_code_fkey FOREIGN KEY (origin_regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_discrepancy fact_discrepancy_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_discrepancy
    ADD CONSTRAINT fact_discrepancy_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_discrepancy fact_discrepancy_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_discrepancy
    ADD CONSTRAINT fact_discrepancy_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_operation_visit fact_operation_visit_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_operation_visit
    ADD CONSTRAINT fact_operation_visit_district_code_fkey FOREIGN KEY (district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_operation_visit fact_operation_visit_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_operation_visit
    ADD CONSTRAINT fact_operation_visit_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_passport_application fact_passport_application_destination_country_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_passport_application
    ADD CONSTRAINT fact_passport_application_destination_country_fkey FOREIGN KEY (destination_country) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_passport_application fact_passport_application_origin_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_passport_application
    ADD CONSTRAINT fact_passport_application_origin_district_code_fkey FOREIGN KEY (origin_district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_passport_application fact_passport_application_origin_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_passport_application
    ADD CONSTRAINT fact_passport_application_origin_regency_code_fkey FOREIGN KEY (origin_regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_person_status fact_person_status_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_person_status
    ADD CONSTRAINT fact_person_status_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_person_status fact_person_status_reference_date_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_person_status
    ADD CONSTRAINT fact_person_status_reference_date_fkey FOREIGN KEY (reference_date) REFERENCES core.dim_date(full_date) NOT ENFORCED;


--
-- Name: fact_person_status fact_person_status_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_person_status
    ADD CONSTRAINT fact_person_status_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_pmi_indication fact_pmi_indication_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_indication
    ADD CONSTRAINT fact_pmi_indication_district_code_fkey FOREIGN KEY (district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_pmi_indication fact_pmi_indication_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_indication
    ADD CONSTRAINT fact_pmi_indication_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_pmi_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_pmi_indication fact_pmi_indication_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_indication
    ADD CONSTRAINT fact_pmi_indication_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_pmi_placement fact_pmi_placement_destination_country_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_placement
    ADD CONSTRAINT fact_pmi_placement_destination_country_fkey FOREIGN KEY (destination_country) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_pmi_placement fact_pmi_placement_origin_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_placement
    ADD CONSTRAINT fact_pmi_placement_origin_district_code_fkey FOREIGN KEY (origin_district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_pmi_placement fact_pmi_placement_origin_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_placement
    ADD CONSTRAINT fact_pmi_placement_origin_regency_code_fkey FOREIGN KEY (origin_regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_pmi_return fact_pmi_return_deported_from_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_return
    ADD CONSTRAINT fact_pmi_return_deported_from_fkey FOREIGN KEY (deported_from) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_pmi_return fact_pmi_return_origin_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_return
    ADD CONSTRAINT fact_pmi_return_origin_district_code_fkey FOREIGN KEY (origin_district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_pmi_return fact_pmi_return_origin_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_pmi_return
    ADD CONSTRAINT fact_pmi_return_origin_regency_code_fkey FOREIGN KEY (origin_regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_population_document fact_population_document_batch_id_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id) NOT ENFORCED;


--
-- Name: fact_population_document fact_population_document_district_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_district_code_fkey FOREIGN KEY (district_code) REFERENCES core.dim_district(district_code) NOT ENFORCED;


--
-- Name: fact_population_document fact_population_document_nationality_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_nationality_fkey FOREIGN KEY (nationality) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_population_document fact_population_document_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_population_document fact_population_document_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_population_document fact_population_document_snapshot_date_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_population_document
    ADD CONSTRAINT fact_population_document_snapshot_date_fkey FOREIGN KEY (snapshot_date) REFERENCES core.dim_date(full_date) NOT ENFORCED;


--
-- Name: fact_rptka_location fact_rptka_location_batch_id_row_number_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_location
    ADD CONSTRAINT fact_rptka_location_batch_id_row_number_fkey FOREIGN KEY (batch_id, row_number) REFERENCES core.fact_rptka_position(batch_id, row_number) NOT ENFORCED;


--
-- Name: fact_rptka_location fact_rptka_location_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_location
    ADD CONSTRAINT fact_rptka_location_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_rptka_position fact_rptka_position_batch_id_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_position
    ADD CONSTRAINT fact_rptka_position_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id) NOT ENFORCED;


--
-- Name: fact_rptka_position fact_rptka_position_employer_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_position
    ADD CONSTRAINT fact_rptka_position_employer_key_fkey FOREIGN KEY (employer_key) REFERENCES core.dim_employer(employer_key) NOT ENFORCED;


--
-- Name: fact_rptka_position fact_rptka_position_nationality_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_position
    ADD CONSTRAINT fact_rptka_position_nationality_fkey FOREIGN KEY (nationality) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_rptka_position fact_rptka_position_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_position
    ADD CONSTRAINT fact_rptka_position_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_rptka_position fact_rptka_position_snapshot_date_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_rptka_position
    ADD CONSTRAINT fact_rptka_position_snapshot_date_fkey FOREIGN KEY (snapshot_date) REFERENCES core.dim_date(full_date) NOT ENFORCED;


--
-- Name: fact_stay_permit fact_stay_permit_batch_id_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id) NOT ENFORCED;


--
-- Name: fact_stay_permit fact_stay_permit_nationality_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_nationality_fkey FOREIGN KEY (nationality) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: fact_stay_permit fact_stay_permit_permit_type_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_permit_type_key_fkey FOREIGN KEY (permit_type_key) REFERENCES core.dim_permit_type(permit_type_key) NOT ENFORCED;


--
-- Name: fact_stay_permit fact_stay_permit_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: fact_stay_permit fact_stay_permit_regency_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_regency_code_fkey FOREIGN KEY (regency_code) REFERENCES core.dim_region(region_code) NOT ENFORCED;


--
-- Name: fact_stay_permit fact_stay_permit_snapshot_date_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.fact_stay_permit
    ADD CONSTRAINT fact_stay_permit_snapshot_date_fkey FOREIGN KEY (snapshot_date) REFERENCES core.dim_date(full_date) NOT ENFORCED;


--
-- Name: period_batch period_batch_batch_id_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.period_batch
    ADD CONSTRAINT period_batch_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id) NOT ENFORCED;


--
-- Name: pmi_destination_rule pmi_destination_rule_country_code_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.pmi_destination_rule
    ADD CONSTRAINT pmi_destination_rule_country_code_fkey FOREIGN KEY (country_code) REFERENCES core.dim_country(country_code) NOT ENFORCED;


--
-- Name: pmi_identity_map pmi_identity_map_person_key_fkey; Type: FK CONSTRAINT; Schema: core; Owner: -
--

ALTER TABLE ONLY core.pmi_identity_map
    ADD CONSTRAINT pmi_identity_map_person_key_fkey FOREIGN KEY (person_key) REFERENCES core.dim_pmi_person(person_key) DEFERRABLE INITIALLY DEFERRED NOT ENFORCED;


--
-- Name: decision decision_batch_id_row_number_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.decision
    ADD CONSTRAINT decision_batch_id_row_number_fkey FOREIGN KEY (batch_id, row_number) REFERENCES quarantine.held_row(batch_id, row_number);


--
-- Name: held_row held_row_batch_id_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.held_row
    ADD CONSTRAINT held_row_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id);


--
-- Name: held_row held_row_run_id_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.held_row
    ADD CONSTRAINT held_row_run_id_fkey FOREIGN KEY (run_id) REFERENCES audit.validation_run(run_id);


--
-- Name: reason reason_batch_id_row_number_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.reason
    ADD CONSTRAINT reason_batch_id_row_number_fkey FOREIGN KEY (batch_id, row_number) REFERENCES quarantine.held_row(batch_id, row_number);


--
-- Name: reason reason_run_id_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.reason
    ADD CONSTRAINT reason_run_id_fkey FOREIGN KEY (run_id) REFERENCES audit.validation_run(run_id);


--
-- Name: row_note row_note_batch_id_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.row_note
    ADD CONSTRAINT row_note_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES audit.batch(batch_id);


--
-- Name: row_note row_note_run_id_fkey; Type: FK CONSTRAINT; Schema: quarantine; Owner: -
--

ALTER TABLE ONLY quarantine.row_note
    ADD CONSTRAINT row_note_run_id_fkey FOREIGN KEY (run_id) REFERENCES audit.validation_run(run_id);


--
-- Name: SCHEMA audit; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA audit TO pantau_loader;
GRANT USAGE ON SCHEMA audit TO pantau_auditor;


--
-- Name: SCHEMA core; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA core TO pantau_loader;


--
-- Name: SCHEMA mart; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA mart TO pantau_loader;
GRANT USAGE ON SCHEMA mart TO pantau_reporter;
GRANT USAGE ON SCHEMA mart TO pantau_auditor;


--
-- Name: SCHEMA pii; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA pii TO pantau_loader;


--
-- Name: SCHEMA quarantine; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA quarantine TO pantau_loader;
GRANT USAGE ON SCHEMA quarantine TO pantau_auditor;


--
-- Name: SCHEMA raw; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA raw TO pantau_loader;


--
-- Name: SCHEMA staging; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA staging TO pantau_loader;


--
-- Name: FUNCTION lo_creat(integer); Type: ACL; Schema: pg_catalog; Owner: -
--

REVOKE ALL ON FUNCTION pg_catalog.lo_creat(integer) FROM PUBLIC;


--
-- Name: FUNCTION lo_create(oid); Type: ACL; Schema: pg_catalog; Owner: -
--

REVOKE ALL ON FUNCTION pg_catalog.lo_create(oid) FROM PUBLIC;


--
-- Name: FUNCTION lo_from_bytea(oid, bytea); Type: ACL; Schema: pg_catalog; Owner: -
--

REVOKE ALL ON FUNCTION pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;


--
-- Name: TABLE alert; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.alert TO pantau_loader;
GRANT SELECT ON TABLE audit.alert TO pantau_auditor;


--
-- Name: SEQUENCE alert_alert_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.alert_alert_id_seq TO pantau_loader;


--
-- Name: TABLE batch; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.batch TO pantau_loader;
GRANT SELECT ON TABLE audit.batch TO pantau_auditor;


--
-- Name: SEQUENCE batch_batch_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.batch_batch_id_seq TO pantau_loader;


--
-- Name: TABLE expectation_result; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.expectation_result TO pantau_loader;
GRANT SELECT ON TABLE audit.expectation_result TO pantau_auditor;


--
-- Name: TABLE parse_problem; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,MAINTAIN,UPDATE ON TABLE audit.parse_problem TO pantau_loader;
GRANT SELECT ON TABLE audit.parse_problem TO pantau_auditor;


--
-- Name: TABLE person_key_rotation; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.person_key_rotation TO pantau_loader;
GRANT SELECT ON TABLE audit.person_key_rotation TO pantau_auditor;


--
-- Name: SEQUENCE person_key_rotation_rotation_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.person_key_rotation_rotation_id_seq TO pantau_loader;


--
-- Name: TABLE receipt; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.receipt TO pantau_loader;
GRANT SELECT ON TABLE audit.receipt TO pantau_auditor;


--
-- Name: SEQUENCE receipt_receipt_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.receipt_receipt_id_seq TO pantau_loader;


--
-- Name: TABLE report_delivery; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.report_delivery TO pantau_loader;
GRANT SELECT ON TABLE audit.report_delivery TO pantau_auditor;


--
-- Name: SEQUENCE report_delivery_delivery_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.report_delivery_delivery_id_seq TO pantau_loader;


--
-- Name: TABLE report_run; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.report_run TO pantau_loader;
GRANT SELECT ON TABLE audit.report_run TO pantau_auditor;


--
-- Name: SEQUENCE report_run_report_run_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.report_run_report_run_id_seq TO pantau_loader;


--
-- Name: TABLE retention_action; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.retention_action TO pantau_loader;
GRANT SELECT ON TABLE audit.retention_action TO pantau_auditor;


--
-- Name: SEQUENCE retention_action_action_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.retention_action_action_id_seq TO pantau_loader;


--
-- Name: TABLE validation_run; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE audit.validation_run TO pantau_loader;
GRANT SELECT ON TABLE audit.validation_run TO pantau_auditor;


--
-- Name: SEQUENCE validation_run_run_id_seq; Type: ACL; Schema: audit; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE audit.validation_run_run_id_seq TO pantau_loader;


--
-- Name: TABLE dim_country; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_country TO pantau_loader;


--
-- Name: TABLE dim_date; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_date TO pantau_loader;


--
-- Name: TABLE dim_district; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_district TO pantau_loader;


--
-- Name: TABLE dim_employer; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_employer TO pantau_loader;


--
-- Name: SEQUENCE dim_employer_employer_key_seq; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE core.dim_employer_employer_key_seq TO pantau_loader;


--
-- Name: TABLE dim_occupation; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_occupation TO pantau_loader;


--
-- Name: TABLE dim_permit_type; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_permit_type TO pantau_loader;


--
-- Name: SEQUENCE dim_permit_type_permit_type_key_seq; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE core.dim_permit_type_permit_type_key_seq TO pantau_loader;


--
-- Name: TABLE dim_person; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_person TO pantau_loader;


--
-- Name: TABLE dim_pmi_person; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_pmi_person TO pantau_loader;


--
-- Name: TABLE dim_region; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.dim_region TO pantau_loader;


--
-- Name: TABLE document_link; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.document_link TO pantau_loader;


--
-- Name: TABLE fact_admin_action; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_admin_action TO pantau_loader;


--
-- Name: TABLE fact_departure_postponement; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_departure_postponement TO pantau_loader;


--
-- Name: TABLE fact_discrepancy; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_discrepancy TO pantau_loader;


--
-- Name: TABLE fact_operation_visit; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_operation_visit TO pantau_loader;


--
-- Name: TABLE fact_passport_application; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_passport_application TO pantau_loader;


--
-- Name: TABLE fact_person_status; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_person_status TO pantau_loader;


--
-- Name: TABLE fact_pmi_indication; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_pmi_indication TO pantau_loader;


--
-- Name: TABLE fact_pmi_placement; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_pmi_placement TO pantau_loader;


--
-- Name: TABLE fact_pmi_return; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_pmi_return TO pantau_loader;


--
-- Name: TABLE fact_population_document; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_population_document TO pantau_loader;


--
-- Name: TABLE fact_rptka_location; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_rptka_location TO pantau_loader;


--
-- Name: TABLE fact_rptka_position; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_rptka_position TO pantau_loader;


--
-- Name: TABLE fact_stay_permit; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.fact_stay_permit TO pantau_loader;


--
-- Name: TABLE period_batch; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.period_batch TO pantau_loader;


--
-- Name: TABLE period_build; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.period_build TO pantau_loader;


--
-- Name: TABLE person_key_check; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.person_key_check TO pantau_loader;


--
-- Name: TABLE pmi_destination_rule; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.pmi_destination_rule TO pantau_loader;


--
-- Name: TABLE pmi_identity_map; Type: ACL; Schema: core; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE core.pmi_identity_map TO pantau_loader;


--
-- Name: TABLE figure_row; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.figure_row TO pantau_loader;
GRANT SELECT ON TABLE mart.figure_row TO pantau_reporter;
GRANT SELECT ON TABLE mart.figure_row TO pantau_auditor;


--
-- Name: TABLE followup; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.followup TO pantau_loader;
GRANT SELECT ON TABLE mart.followup TO pantau_reporter;
GRANT SELECT ON TABLE mart.followup TO pantau_auditor;


--
-- Name: TABLE pmi_followup; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.pmi_followup TO pantau_loader;
GRANT SELECT ON TABLE mart.pmi_followup TO pantau_reporter;
GRANT SELECT ON TABLE mart.pmi_followup TO pantau_auditor;


--
-- Name: TABLE pmi_priority_area; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.pmi_priority_area TO pantau_loader;
GRANT SELECT ON TABLE mart.pmi_priority_area TO pantau_reporter;
GRANT SELECT ON TABLE mart.pmi_priority_area TO pantau_auditor;


--
-- Name: TABLE region_breakdown; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.region_breakdown TO pantau_loader;
GRANT SELECT ON TABLE mart.region_breakdown TO pantau_reporter;
GRANT SELECT ON TABLE mart.region_breakdown TO pantau_auditor;


--
-- Name: TABLE region_figures; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.region_figures TO pantau_loader;
GRANT SELECT ON TABLE mart.region_figures TO pantau_reporter;
GRANT SELECT ON TABLE mart.region_figures TO pantau_auditor;


--
-- Name: TABLE region_lineage; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.region_lineage TO pantau_loader;
GRANT SELECT ON TABLE mart.region_lineage TO pantau_reporter;
GRANT SELECT ON TABLE mart.region_lineage TO pantau_auditor;


--
-- Name: TABLE region_trend; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.region_trend TO pantau_loader;
GRANT SELECT ON TABLE mart.region_trend TO pantau_reporter;
GRANT SELECT ON TABLE mart.region_trend TO pantau_auditor;


--
-- Name: TABLE target_contribution; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.target_contribution TO pantau_loader;
GRANT SELECT ON TABLE mart.target_contribution TO pantau_reporter;
GRANT SELECT ON TABLE mart.target_contribution TO pantau_auditor;


--
-- Name: TABLE target_last_visit; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.target_last_visit TO pantau_loader;
GRANT SELECT ON TABLE mart.target_last_visit TO pantau_reporter;
GRANT SELECT ON TABLE mart.target_last_visit TO pantau_auditor;


--
-- Name: TABLE target_site; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.target_site TO pantau_loader;
GRANT SELECT ON TABLE mart.target_site TO pantau_reporter;
GRANT SELECT ON TABLE mart.target_site TO pantau_auditor;


--
-- Name: TABLE target_worker; Type: ACL; Schema: mart; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE mart.target_worker TO pantau_loader;
GRANT SELECT ON TABLE mart.target_worker TO pantau_reporter;
GRANT SELECT ON TABLE mart.target_worker TO pantau_auditor;


--
-- Name: TABLE person; Type: ACL; Schema: pii; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE pii.person TO pantau_loader;


--
-- Name: TABLE pmi_identity; Type: ACL; Schema: pii; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE pii.pmi_identity TO pantau_loader;


--
-- Name: TABLE stay_permit; Type: ACL; Schema: pii; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE pii.stay_permit TO pantau_loader;


--
-- Name: TABLE decision; Type: ACL; Schema: quarantine; Owner: -
--

GRANT SELECT,INSERT ON TABLE quarantine.decision TO pantau_loader;
GRANT SELECT ON TABLE quarantine.decision TO pantau_auditor;


--
-- Name: SEQUENCE decision_decision_id_seq; Type: ACL; Schema: quarantine; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE quarantine.decision_decision_id_seq TO pantau_loader;


--
-- Name: TABLE held_row; Type: ACL; Schema: quarantine; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE quarantine.held_row TO pantau_loader;
GRANT SELECT ON TABLE quarantine.held_row TO pantau_auditor;


--
-- Name: TABLE excluded_row; Type: ACL; Schema: quarantine; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE quarantine.excluded_row TO pantau_loader;
GRANT SELECT ON TABLE quarantine.excluded_row TO pantau_auditor;


--
-- Name: TABLE reason; Type: ACL; Schema: quarantine; Owner: -
--

GRANT SELECT,INSERT ON TABLE quarantine.reason TO pantau_loader;
GRANT SELECT ON TABLE quarantine.reason TO pantau_auditor;


--
-- Name: TABLE row_note; Type: ACL; Schema: quarantine; Owner: -
--

GRANT SELECT,INSERT ON TABLE quarantine.row_note TO pantau_loader;
GRANT SELECT ON TABLE quarantine.row_note TO pantau_auditor;


--
-- Name: TABLE bp3mi_pemulangan; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.bp3mi_pemulangan TO pantau_loader;


--
-- Name: TABLE dukcapil_orang_asing; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.dukcapil_orang_asing TO pantau_loader;


--
-- Name: TABLE extra_field; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.extra_field TO pantau_loader;


--
-- Name: TABLE imigrasi_izin_tinggal; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.imigrasi_izin_tinggal TO pantau_loader;


--
-- Name: TABLE imigrasi_paspor; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.imigrasi_paspor TO pantau_loader;


--
-- Name: TABLE imigrasi_penundaan; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.imigrasi_penundaan TO pantau_loader;


--
-- Name: TABLE imigrasi_tindakan; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.imigrasi_tindakan TO pantau_loader;


--
-- Name: TABLE kp2mi_penempatan; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.kp2mi_penempatan TO pantau_loader;


--
-- Name: TABLE tenaga_kerja_tka; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.tenaga_kerja_tka TO pantau_loader;


--
-- Name: TABLE timpora_operasi; Type: ACL; Schema: raw; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE raw.timpora_operasi TO pantau_loader;


--
-- Name: TABLE bp3mi_pemulangan; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.bp3mi_pemulangan TO pantau_loader;


--
-- Name: TABLE dukcapil_orang_asing; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.dukcapil_orang_asing TO pantau_loader;


--
-- Name: TABLE imigrasi_izin_tinggal; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.imigrasi_izin_tinggal TO pantau_loader;


--
-- Name: TABLE imigrasi_paspor; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.imigrasi_paspor TO pantau_loader;


--
-- Name: TABLE imigrasi_penundaan; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.imigrasi_penundaan TO pantau_loader;


--
-- Name: TABLE imigrasi_tindakan; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.imigrasi_tindakan TO pantau_loader;


--
-- Name: TABLE kp2mi_penempatan; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.kp2mi_penempatan TO pantau_loader;


--
-- Name: TABLE tenaga_kerja_tka; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.tenaga_kerja_tka TO pantau_loader;


--
-- Name: TABLE tenaga_kerja_tka_lokasi; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.tenaga_kerja_tka_lokasi TO pantau_loader;


--
-- Name: TABLE timpora_operasi; Type: ACL; Schema: staging; Owner: -
--

GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLE staging.timpora_operasi TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: audit; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA audit GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: audit; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA audit GRANT SELECT,INSERT,UPDATE ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA audit GRANT SELECT ON TABLES TO pantau_auditor;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: core; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA core GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: core; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA core GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: mart; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA mart GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: mart; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA mart GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA mart GRANT SELECT ON TABLES TO pantau_reporter;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA mart GRANT SELECT ON TABLES TO pantau_auditor;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: pii; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA pii GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: pii; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA pii GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: quarantine; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA quarantine GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: quarantine; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA quarantine GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA quarantine GRANT SELECT ON TABLES TO pantau_auditor;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: raw; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA raw GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: raw; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA raw GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: staging; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA staging GRANT SELECT,USAGE ON SEQUENCES TO pantau_loader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: staging; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA staging GRANT SELECT,INSERT,DELETE,MAINTAIN,UPDATE ON TABLES TO pantau_loader;


--
-- PostgreSQL database dump complete
--

\unrestrict pantauschema

