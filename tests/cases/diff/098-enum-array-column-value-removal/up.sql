-- ~ enum mood: ('sad', 'ok', 'happy') -> ('ok', 'happy') (re-created)
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('ok', 'happy');
ALTER TABLE public.t
  ALTER COLUMN ms DROP DEFAULT,
  ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
  ALTER COLUMN ms SET DEFAULT '{}'::public.mood[];
DROP TYPE public.mood_old;
