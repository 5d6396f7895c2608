-- undo: ~ column q.bar: identity none -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.q ALTER COLUMN bar DROP DEFAULT;
DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public.q', 'bar'); END $strata$;

-- undo: ~ column c.bar: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.c
  ALTER COLUMN bar DROP DEFAULT,
  ALTER COLUMN bar TYPE integer;

-- undo: - table p
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.p (
    k integer,
    bar serial NOT NULL
) PARTITION BY LIST (k);

-- undo: ~ column q.bar: default nextval('public.p_bar_seq'::regclass) -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.q ALTER COLUMN bar SET DEFAULT nextval('public.p_bar_seq'::regclass);

-- undo: ~ column c.bar: default nextval('public.p_bar_seq'::regclass) -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c ALTER COLUMN bar SET DEFAULT nextval('public.p_bar_seq'::regclass);

-- undo: - partition q of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.q FOR VALUES IN (2);

-- undo: - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.c FOR VALUES IN (1);
