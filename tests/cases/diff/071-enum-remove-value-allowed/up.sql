-- ~ enum mood: ('sad', 'ok', 'happy') -> ('sad', 'happy') (re-created)
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
ALTER TABLE public.t
  ALTER COLUMN m DROP DEFAULT,
  ALTER COLUMN ms DROP DEFAULT,
  ALTER COLUMN m TYPE public.mood USING m::text::public.mood,
  ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
  ALTER COLUMN m SET DEFAULT 'happy'::public.mood,
  ALTER COLUMN ms SET DEFAULT '{sad}'::public.mood[];
DROP TYPE public.mood_old;
