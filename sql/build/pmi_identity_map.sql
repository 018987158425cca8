-- core.pmi_identity_map recomputed whole from every loaded PMI fact row, and
-- the persons it names into core.dim_pmi_person (docs/warehouse.md "PMI
-- persons"). Per identifier, in order:
--   a NIK is its own person;
--   a passport is the person of the one NIK it appears with on any row; with
--     none, its own person; with several, ambiguous (no person, not guessed);
--   a name | birth date | origin is the person of the one NIK or passport
--     person its rows carry; with none, its own; with several, ambiguous.
-- Set-based, from the facts alone: the result depends on what is loaded,
-- never on the order batches came in. Run by the build after it loaded PMI
-- batches (or dropped some).
CREATE TEMP TABLE pmi_row_keys ON COMMIT DROP AS
SELECT nik_key, passport_key, name_key FROM core.fact_pmi_placement
UNION
SELECT nik_key, passport_key, name_key FROM core.fact_passport_application
UNION
SELECT nik_key, passport_key, name_key FROM core.fact_departure_postponement
UNION
SELECT nik_key, passport_key, name_key FROM core.fact_pmi_return;
ANALYZE pmi_row_keys;

CREATE TEMP TABLE pmi_passport_person ON COMMIT DROP AS
SELECT passport_key, count(DISTINCT nik_key) AS candidates, min(nik_key) AS nik_key
  FROM pmi_row_keys
 WHERE passport_key IS NOT NULL
 GROUP BY passport_key;

-- The person a row's NIK or passport gives (NULL: ambiguous passport, or neither).
CREATE TEMP TABLE pmi_name_person ON COMMIT DROP AS
SELECT n.name_key, count(DISTINCT n.person_key) AS candidates, min(n.person_key) AS person_key,
       coalesce(bool_or(n.beside_ambiguous), FALSE) AS beside_ambiguous
  FROM (SELECT r.name_key,
               coalesce(r.nik_key, CASE WHEN p.candidates = 0 THEN r.passport_key
                                        WHEN p.candidates = 1 THEN p.nik_key END) AS person_key,
               r.nik_key IS NULL AND p.candidates > 1 AS beside_ambiguous
          FROM pmi_row_keys AS r
          LEFT JOIN pmi_passport_person AS p ON p.passport_key = r.passport_key
         WHERE r.name_key IS NOT NULL) AS n
 GROUP BY n.name_key;

DELETE FROM core.pmi_identity_map;
INSERT INTO core.pmi_identity_map (identity_key, kind, person_key, link_method, candidates)
SELECT DISTINCT r.nik_key AS identity_key, 'nik', r.nik_key AS person_key, 'nik', 1
  FROM pmi_row_keys AS r WHERE r.nik_key IS NOT NULL
UNION ALL
SELECT passport_key, 'passport',
       CASE WHEN candidates = 0 THEN passport_key WHEN candidates = 1 THEN nik_key END,
       CASE WHEN candidates <= 1 THEN 'passport' ELSE 'ambiguous' END,
       greatest(candidates, 1)
  FROM pmi_passport_person
UNION ALL
SELECT name_key, 'name_birth_origin',
       CASE WHEN candidates = 0 AND NOT beside_ambiguous THEN name_key
            WHEN candidates = 1 THEN person_key END,
       CASE WHEN candidates = 1 OR (candidates = 0 AND NOT beside_ambiguous)
            THEN 'name_birth_origin' ELSE 'ambiguous' END,
       greatest(candidates, 1)
  FROM pmi_name_person;

INSERT INTO core.dim_pmi_person (person_key, identified_by)
SELECT DISTINCT m.person_key, m.kind
  FROM core.pmi_identity_map AS m
 WHERE m.person_key = m.identity_key
ON CONFLICT DO NOTHING;
