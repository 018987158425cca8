-- An employer's name as the sponsor match compares it (docs/targeting.md):
-- upper case, dots and commas dropped, other punctuation a space, the legal
-- form tokens (PT, CV, TBK, PERSERO, UD) dropped, whitespace collapsed.
-- "PT. Sinar Jaya (Persero) Tbk" and "SINAR JAYA" give the same key.
CREATE FUNCTION core.employer_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN nullif(btrim(regexp_replace(regexp_replace(
    ' ' || regexp_replace(regexp_replace(upper(name), '[.,'']', '', 'g'),
                          '[^A-Z0-9]+', ' ', 'g') || ' ',
    ' (PT|CV|TBK|PERSERO|UD)(?= )', ' ', 'g'), '\s+', ' ', 'g')), '');
