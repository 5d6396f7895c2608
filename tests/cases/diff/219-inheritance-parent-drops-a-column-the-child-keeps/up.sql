-- - column p.note
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE ONLY public.p DROP COLUMN note;

-- - column c2.note
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c2 DROP COLUMN note;
