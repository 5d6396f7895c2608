-- - function doubled(a public.amount)
DROP FUNCTION public.doubled(a public.amount);

-- ~ domain amount (dropped and created again)
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.ledger ALTER COLUMN total TYPE numeric(10,2);
ALTER TABLE public.ledger ALTER COLUMN history TYPE numeric(10,2)[];
DROP DOMAIN public.amount;
CREATE DOMAIN public.amount AS numeric(20,4) CONSTRAINT amount_check CHECK ((VALUE >= (0)::numeric));
ALTER TABLE public.ledger ALTER COLUMN total TYPE public.amount USING total::public.amount;
ALTER TABLE public.ledger ALTER COLUMN history TYPE public.amount[] USING history::public.amount[];

-- + function doubled(a public.amount)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.doubled(a public.amount)
 RETURNS public.amount
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT (a * 2)::amount $function$;
RESET check_function_bodies;
