-- The persons the loads just met (temp table load_person_rows): passport and
-- nationality into pii.person, the pseudonymous key into core.dim_person.
-- The facts' references to dim_person are checked at commit.
INSERT INTO pii.person (person_key, passport_number, nationality, first_batch_id)
SELECT DISTINCT ON (person_key) person_key, passport_number, nationality, batch_id
  FROM load_person_rows
 ORDER BY person_key, batch_id
ON CONFLICT DO NOTHING;

INSERT INTO core.dim_person (person_key, nationality)
SELECT DISTINCT ON (person_key) person_key, nationality
  FROM load_person_rows
 ORDER BY person_key, batch_id
ON CONFLICT DO NOTHING;

TRUNCATE load_person_rows;
