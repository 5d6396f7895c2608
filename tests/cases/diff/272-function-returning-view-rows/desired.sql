DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE item (id int PRIMARY KEY, name text);
CREATE SCHEMA api;
CREATE VIEW api.item AS SELECT id, name FROM public.item;
-- Its result type is the view's row type: created after the view.
CREATE FUNCTION api.search(q text) RETURNS SETOF api.item LANGUAGE sql STABLE
  AS $$SELECT * FROM api.item WHERE name LIKE q || '%'$$;
GRANT USAGE ON SCHEMA api TO strata_golden_reader;
GRANT SELECT ON api.item TO strata_golden_reader;
