CREATE FUNCTION public.setval(text, bigint, boolean) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'public.setval called by a migration'; END $$;
CREATE TABLE t (id serial, v text);
