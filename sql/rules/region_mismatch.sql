-- REGION_MISMATCH: the sources place a person in different regencies on the
-- reference date. With A the regencies of the valid stay permits, B of the
-- active population documents and C of the covering RPTKA positions: A and B
-- both named and different, or A and C both named and disjoint, or (no A) B
-- and C disjoint. Counted in every regency of A, B and C.
-- Legal basis: UU 6/2011 art. 71-72 (report of residence and of its change);
-- PP 34/2021 art. 8 (work only at the RPTKA's locations); UU 24/2013 art. 15
-- (report of moving).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
WITH places AS (
    SELECT person_key,
           array_agg(DISTINCT regency_code) FILTER (WHERE kind = 'A') AS a,
           array_agg(DISTINCT regency_code) FILTER (WHERE kind = 'B') AS b,
           array_agg(DISTINCT regency_code) FILTER (WHERE kind = 'C') AS c
      FROM (SELECT person_key, regency_code, 'A' AS kind FROM p_valid
            UNION ALL SELECT person_key, regency_code, 'B' FROM p_active
            UNION ALL SELECT person_key, regency_code, 'C' FROM p_covering) AS named
     WHERE person_key IS NOT NULL AND regency_code IS NOT NULL
     GROUP BY person_key
), mismatched AS (
    SELECT * FROM places
     WHERE (a IS NOT NULL AND b IS NOT NULL AND NOT (a @> b AND b @> a))
        OR (a IS NOT NULL AND c IS NOT NULL AND NOT a && c)
        OR (a IS NULL AND b IS NOT NULL AND c IS NOT NULL AND NOT b && c)
)
SELECT DISTINCT m.person_key, r.regency_code
  FROM mismatched AS m
 CROSS JOIN LATERAL unnest(coalesce(m.a, '{}') || coalesce(m.b, '{}') || coalesce(m.c, '{}'))
       AS r(regency_code)
