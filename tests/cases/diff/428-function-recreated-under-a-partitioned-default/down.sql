-- undo: + index readings_shifted on readings
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.readings_shifted;

-- undo: + check readings_qty on readings
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings DROP CONSTRAINT readings_qty;

-- undo: ~ column readings_low.qty: default 7 -> 7
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings_low ALTER COLUMN qty SET DEFAULT 7;

-- undo: ~ column readings.qty: default none -> public.start_qty(1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings ALTER COLUMN qty DROP DEFAULT;

-- undo: ~ column readings_low.qty: default 7 -> 7
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings_low ALTER COLUMN qty SET DEFAULT 7;

-- undo: ~ function start_qty(x integer) (dropped and created again)
DROP FUNCTION public.start_qty(x integer);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.start_qty(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x $function$;
RESET check_function_bodies;

-- undo: - index readings_shifted on readings
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX readings_shifted ON public.readings ((qty + public.start_qty(0)));

-- undo: - check readings_qty on readings
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.readings ADD CONSTRAINT readings_qty CHECK (qty <= public.start_qty(100));

-- undo: ~ column readings_low.qty: default 7 -> 7
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings_low ALTER COLUMN qty SET DEFAULT 7;

-- undo: ~ column readings.qty: default public.start_qty(1) -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings ALTER COLUMN qty SET DEFAULT public.start_qty(1);

-- undo: ~ column readings_low.qty: default 7 -> 7
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings_low ALTER COLUMN qty SET DEFAULT 7;
