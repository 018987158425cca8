-- Registry and manpower rows linked by name + birth date keep the link their
-- period's last build made while the names were there, once retention purged
-- them (build/period_picture.sql matches names in staging, which a purge
-- empties): only when a permit batch or a batch of the row's source of the
-- period was purged, and never over a link by passport or permit number. Run
-- by the build after build/period_picture.sql, on p_document and p_active
-- (registry) and p_position and p_covering (manpower). Parameters: period.
{% for table, source in (("p_document", "dukcapil_orang_asing"),
                         ("p_active", "dukcapil_orang_asing"),
                         ("p_position", "tenaga_kerja_tka"),
                         ("p_covering", "tenaga_kerja_tka")) %}
UPDATE {{ table }} AS d
   SET person_key = l.person_key, link_method = l.link_method, candidates = l.candidates
  FROM core.document_link AS l
 WHERE l.period = {{ param("period") }} AND l.batch_id = d.batch_id AND l.row_number = d.row_number
   AND l.link_method IN ('name_birth_date', 'ambiguous')
   AND d.link_method NOT IN ('passport', 'permit_number')
   AND EXISTS (SELECT 1 FROM core.period_batch AS pb
                 JOIN audit.batch AS b ON b.batch_id = pb.batch_id
                WHERE pb.period = {{ param("period") }} AND b.pii_purged_at IS NOT NULL
                  AND b.source IN ('imigrasi_izin_tinggal', '{{ source }}'));
{% endfor %}
