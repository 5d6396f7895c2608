-- undo: ~ column t.v: character varying(100) -> character varying(50)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE character varying(100);
