-- GRANT names an ordered-set aggregate by its argument types in a row (no
-- ORDER BY); its owner and comment take the aggregate's own signature.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION mode_state(integer[], boolean, text) RETURNS integer[] LANGUAGE sql IMMUTABLE AS 'SELECT $1';
CREATE FUNCTION mode_final(integer[], boolean, integer, text, boolean, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT true';
