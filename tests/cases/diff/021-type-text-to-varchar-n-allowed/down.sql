-- undo: ~ column t.v: text -> character varying(10)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE text;
