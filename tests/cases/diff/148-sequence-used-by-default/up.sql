-- + sequence codes
CREATE SEQUENCE public.codes AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- ~ column t.amount: default none -> nextval('public.codes'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN amount SET DEFAULT nextval('public.codes'::regclass);
