-- A wrapper's handler and validator and a server's version change in
-- place: the user mapping and foreign table that use them stay.
CREATE FUNCTION public.fdw_handler_a() RETURNS fdw_handler LANGUAGE c STRICT AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION public.fdw_validator_a(text[], oid) RETURNS void LANGUAGE internal AS 'postgresql_fdw_validator';
CREATE FOREIGN DATA WRAPPER "Wrapper" VALIDATOR public.fdw_validator_a;
CREATE SERVER "Remote" TYPE 'pg' VERSION '14' FOREIGN DATA WRAPPER "Wrapper" OPTIONS (host 'a');
CREATE SERVER plain FOREIGN DATA WRAPPER "Wrapper";
CREATE USER MAPPING FOR PUBLIC SERVER "Remote" OPTIONS (user 'app');
CREATE FOREIGN TABLE public.remote_items (id integer, label text) SERVER "Remote";
