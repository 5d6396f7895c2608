-- + column base.note text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.base ADD COLUMN note text;
