CREATE FUNCTION public.fdw_handler_a() RETURNS fdw_handler LANGUAGE c STRICT AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION public.fdw_validator_a(text[], oid) RETURNS void LANGUAGE internal AS 'postgresql_fdw_validator';
CREATE FOREIGN DATA WRAPPER "Wrapper" HANDLER public.fdw_handler_a NO VALIDATOR;
CREATE SERVER "Remote" TYPE 'pg' FOREIGN DATA WRAPPER "Wrapper" OPTIONS (host 'a');
CREATE SERVER plain VERSION '16' FOREIGN DATA WRAPPER "Wrapper";
CREATE USER MAPPING FOR PUBLIC SERVER "Remote" OPTIONS (user 'app');
CREATE FOREIGN TABLE public.remote_items (id integer, label text) SERVER "Remote";
