-- Where the plain text of one kind of key (the keyed message) can still be
-- read, as a SELECT of messages: pii.person and pii.stay_permit, and the
-- staging rows of unpurged batches, which cover keys with no pii row
-- (registry permit numbers, positions) and persons of batches not yet in
-- core. Included by rotation/key_map.sql. Jinja2: kind (person, permit,
-- position or pmi). A PMI key exists only once its batch is loaded, and
-- pii.pmi_identity holds the identifier of every key loaded.
{% set unpurged = "batch_id IN (SELECT batch_id FROM audit.batch WHERE pii_purged_at IS NULL)" -%}
{% if kind == "person" -%}
SELECT passport_number || '|' || nationality FROM pii.person
{%- for source in ("imigrasi_izin_tinggal", "imigrasi_tindakan", "tenaga_kerja_tka",
                   "dukcapil_orang_asing") %}
UNION SELECT passport_number || '|' || nationality FROM staging.{{ source }}
 WHERE {{ unpurged }}
   AND batch_id IN (SELECT batch_id FROM audit.batch WHERE core_loaded_at IS NULL)
{%- endfor %}
{% elif kind == "permit" -%}
SELECT permit_number FROM pii.stay_permit
UNION SELECT permit_number FROM staging.imigrasi_izin_tinggal
 WHERE {{ unpurged }}
UNION SELECT permit_number FROM staging.dukcapil_orang_asing
 WHERE {{ unpurged }}
{% elif kind == "pmi" -%}
SELECT kind || '|' || identifier FROM pii.pmi_identity
{% elif kind == "position" -%}
SELECT rptka_number || '|' || passport_number FROM staging.tenaga_kerja_tka
 WHERE {{ unpurged }}
{% endif -%}
