-- The PMI picture on the reference date t, from the period's snapshots, as
-- temp tables the PMI rules (sql/rules/pmi_*.sql) and marts read:
--   pm_placement     every placement of the latest SISKOP2MI snapshots
--   pm_application   every passport application delivered on or before t
--                    (all deliveries of the delta feed), each application
--                    (office + number) in its latest delivered version
--   pm_postponement  every postponement of the latest checkpoint snapshots
--   pm_returnee      every arrival of the latest post snapshots
-- Each row gets its person through core.pmi_identity_map: its NIK's person,
-- else its passport's, else its name + birth date + origin's; link_method
-- says which ('ambiguous' when an identifier names several, 'unlinked' when
-- none names anyone), candidates how many an ambiguous one named.
-- Parameters: period. Jinja2: empty, in a partial rebuild the change does not
-- reach the PMI records in (pantau.build.partial): the tables, with no row.
{% macro person(fact) -%}
       coalesce(mn.person_key, mp.person_key, mm.person_key) AS person_key,
       CASE WHEN mn.person_key IS NOT NULL THEN 'nik'
            WHEN mp.person_key IS NOT NULL THEN 'passport'
            WHEN mm.person_key IS NOT NULL THEN 'name_birth_origin'
            WHEN mp.link_method = 'ambiguous' OR mm.link_method = 'ambiguous' THEN 'ambiguous'
            ELSE 'unlinked' END AS link_method,
       CASE WHEN coalesce(mn.person_key, mp.person_key, mm.person_key) IS NULL
            THEN greatest(mp.candidates, mm.candidates) END AS candidates
  FROM {{ fact }} AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ param("period") }}
  LEFT JOIN core.pmi_identity_map AS mn ON mn.identity_key = f.nik_key
  LEFT JOIN core.pmi_identity_map AS mp ON mp.identity_key = f.passport_key
  LEFT JOIN core.pmi_identity_map AS mm ON mm.identity_key = f.name_key
{%- if empty is defined and empty %}
 WHERE FALSE
{%- endif %}
{%- endmacro %}
CREATE TEMP TABLE pm_placement ON COMMIT DROP AS
SELECT f.batch_id, f.row_number, f.sex, f.origin_regency_code, f.origin_district_code,
       f.destination_country, f.sector, f.scheme, f.departure_date, f.contract_end_date,
       f.status, f.age_at_departure,
{{ person("core.fact_pmi_placement") }};

CREATE TEMP TABLE pm_application ON COMMIT DROP AS
SELECT DISTINCT ON (f.office, f.application_number)
       f.batch_id, f.row_number, f.sex, f.origin_regency_code, f.origin_district_code,
       f.application_number, f.application_date, f.office, f.purpose, f.destination_country,
       f.status, f.reason, f.issue_date,
{{ person("core.fact_passport_application") }}
 ORDER BY f.office ASC, f.application_number ASC, f.snapshot_date DESC, f.batch_id DESC,
          f.row_number DESC;

CREATE TEMP TABLE pm_postponement ON COMMIT DROP AS
SELECT f.batch_id, f.row_number, f.sex, f.origin_regency_code, f.origin_district_code,
       f.postponement_number, f.postponement_date, f.checkpoint, f.destination_country,
       f.stated_purpose, f.reason, f.handed_to, f.age_at_postponement,
{{ person("core.fact_departure_postponement") }};

CREATE TEMP TABLE pm_returnee ON COMMIT DROP AS
SELECT f.batch_id, f.row_number, f.sex, f.origin_regency_code, f.origin_district_code,
       f.register_number, f.arrival_date, f.arrival_post, f.deported_from, f.case_type,
{{ person("core.fact_pmi_return") }};

ANALYZE pm_placement, pm_application, pm_postponement, pm_returnee;
