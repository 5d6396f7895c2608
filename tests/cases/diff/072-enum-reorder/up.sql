-- ~ enum mood: ('sad', 'ok', 'happy') -> ('happy', 'ok', 'sad') (re-created)
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('happy', 'ok', 'sad');
ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
DROP TYPE public.mood_old;
