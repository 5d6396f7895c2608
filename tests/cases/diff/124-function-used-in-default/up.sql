-- + function next_code()
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.next_code()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'c' $function$;
RESET check_function_bodies;

-- ~ column t.name: default none -> public.next_code()
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN name SET DEFAULT public.next_code();
