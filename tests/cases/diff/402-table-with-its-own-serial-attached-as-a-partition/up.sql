-- ~ column p1.s: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p1 ALTER COLUMN s DROP DEFAULT;
DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public.p1', 's'); END $strata$;

-- ~ column p1.s: default none -> nextval('public.p_s_seq'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p1 ALTER COLUMN s SET DEFAULT nextval('public.p_s_seq'::regclass);

-- + partition p1 of p FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);
