-- + schema money
CREATE SCHEMA money;

-- + function money.is_finite(v numeric)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION money.is_finite(v numeric)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT v <> 'NaN'::numeric $function$;
RESET check_function_bodies;

-- + domain money.finite
CREATE DOMAIN money.finite AS numeric CONSTRAINT finite_check CHECK (money.is_finite(VALUE));

-- + column t.price money.finite
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN price money.finite;
