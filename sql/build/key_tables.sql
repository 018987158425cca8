-- The build's temp tables for keyed hashes: build_key holds the key pads
-- (the build binds them server-side, never into SQL text) that
-- build/clean_rows.sql hashes with; load_person_rows collects the persons
-- each load meets for build/load_persons.sql.
CREATE TEMP TABLE build_key (inner_pad bytea, outer_pad bytea) ON COMMIT DROP;
CREATE TEMP TABLE load_person_rows (person_key char(64), passport_number text,
                                    nationality char(3), batch_id bigint) ON COMMIT DROP;
