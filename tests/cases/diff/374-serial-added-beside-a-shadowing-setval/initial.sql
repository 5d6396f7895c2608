-- A public.setval(text, bigint, boolean) matches a text argument exactly,
-- where pg_catalog's takes regclass: an unqualified call would run it as
-- the migration's role (CVE-2018-1058). Plans call pg_catalog's.
CREATE FUNCTION public.setval(text, bigint, boolean) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'public.setval called by a migration'; END $$;
CREATE TABLE t (id integer NOT NULL, v text);
INSERT INTO t VALUES (7, 'a');
