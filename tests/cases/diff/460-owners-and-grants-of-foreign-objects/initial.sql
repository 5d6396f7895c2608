-- Owners and privileges of servers and foreign tables, text search
-- configurations and operators: given to another role (the server's owner
-- needs USAGE on the wrapper first), granted (USAGE on a wrapper and a
-- server, SELECT on a foreign table, UPDATE on one of its columns), and
-- back. (A wrapper's owner must be a superuser, a publication's new owner
-- needs CREATE on the database: not changed here.)
DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FOREIGN DATA WRAPPER owned_fdw;
CREATE SERVER owned_server FOREIGN DATA WRAPPER owned_fdw;
CREATE FOREIGN TABLE public.remote_items (id integer, label text) SERVER owned_server;
CREATE TABLE public.items (id integer PRIMARY KEY);
CREATE PUBLICATION owned_pub FOR TABLE public.items;
CREATE TEXT SEARCH CONFIGURATION public.owned_search (COPY = pg_catalog.simple);
CREATE FUNCTION public.same_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS 'SELECT length($1) = length($2)';
CREATE OPERATOR public.=== (FUNCTION = public.same_len, LEFTARG = text, RIGHTARG = text);
