-- One keyed column moved from the old keys to the new ones through the map
-- rotation/key_map.sql made for its kind. Run by the key rotation once per
-- column of pantau.build.key_rotation.KEYED_COLUMNS (it logs each count).
-- Jinja2: table, column, kind.
UPDATE {{ table }} AS t SET {{ column }} = m.new_key
  FROM rk_{{ kind }} AS m
 WHERE t.{{ column }} = m.old_key
