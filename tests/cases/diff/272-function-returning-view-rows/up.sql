-- + schema api
CREATE SCHEMA api;

-- + view api.item
CREATE VIEW api.item AS SELECT item.id,
    item.name
   FROM public.item;

-- + function api.search(q text)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION api.search(q text)
 RETURNS SETOF api.item
 LANGUAGE sql
 STABLE
AS $function$SELECT * FROM api.item WHERE name LIKE q || '%'$function$;
RESET check_function_bodies;

-- + grant to strata_golden_reader ON SCHEMA api
GRANT USAGE ON SCHEMA api TO strata_golden_reader;

-- + grant to strata_golden_reader ON TABLE api.item
GRANT SELECT ON TABLE api.item TO strata_golden_reader;
