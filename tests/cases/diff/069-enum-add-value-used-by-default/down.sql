-- undo: ~ column t.m: default none -> 'meh'::public.mood
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;

-- undo: ~ enum mood: + value 'meh' at the end
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
DROP TYPE public.mood_old;
