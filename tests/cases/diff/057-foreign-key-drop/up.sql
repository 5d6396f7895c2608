-- - foreign key kids_parent_id_fkey on kids
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.kids DROP CONSTRAINT kids_parent_id_fkey;
