-- undo: ~ column t.amount: default none -> nextval('public.codes'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN amount DROP DEFAULT;

-- undo: + sequence codes
-- hazard: deletes data
DROP SEQUENCE public.codes;
