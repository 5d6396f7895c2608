-- undo: + sequence s3
-- hazard: deletes data
DROP SEQUENCE public.s3;

-- undo: ~ sequence s2 (replaced in place)
-- note: re-creates the definition only; the data the up migration deleted is not restored
ALTER SEQUENCE public.s2 SET UNLOGGED;

-- undo: ~ sequence s1 (replaced in place)
-- hazard: deletes data
ALTER SEQUENCE public.s1 SET LOGGED;
ALTER SEQUENCE public.s1 AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
