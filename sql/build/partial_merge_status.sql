-- The links and the person-status snapshot of a partial rebuild from the
-- shadows build/person_status.sql wrote: core.document_link for the rows whose
-- link may have changed (pt_link_row: the changed and relinked rows, a row no
-- longer in the period only deleted), core.fact_person_status for the reached
-- regencies (pt_reach). Parameters: period, month.
DELETE FROM core.document_link
 WHERE period = %(period)s
   AND (batch_id, row_number) IN (SELECT batch_id, row_number FROM pt_link_row);

INSERT INTO core.document_link (period, batch_id, row_number, person_key, link_method,
                                candidates)
SELECT l.period, l.batch_id, l.row_number, l.person_key, l.link_method, l.candidates
  FROM pg_temp.out_document_link AS l
 WHERE (l.batch_id, l.row_number) IN (SELECT batch_id, row_number FROM pt_link_row);

DELETE FROM core.fact_person_status
 WHERE month = %(month)s AND regency_code IN (SELECT regency_code FROM pt_reach);

INSERT INTO core.fact_person_status (month, reference_date, person_key, regency_code, nationality,
                                     has_valid_permit, has_work_permit, has_rptka_position,
                                     is_registered, rule_codes)
SELECT s.month, s.reference_date, s.person_key, s.regency_code, s.nationality,
       s.has_valid_permit, s.has_work_permit, s.has_rptka_position, s.is_registered,
       s.rule_codes
  FROM pg_temp.out_fact_person_status AS s
 WHERE s.regency_code IN (SELECT regency_code FROM pt_reach);
