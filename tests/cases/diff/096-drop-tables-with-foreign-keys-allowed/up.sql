-- - foreign key a_b_id_fkey on a
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.a DROP CONSTRAINT a_b_id_fkey;

-- - foreign key b_a_id_fkey on b
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- - table a
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.a;

-- - table b
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.b;
