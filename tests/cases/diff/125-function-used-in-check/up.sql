-- + function positive(x integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.positive(x integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x > 0 $function$;
RESET check_function_bodies;

-- + check t_amount_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_amount_check CHECK (public.positive(amount));
