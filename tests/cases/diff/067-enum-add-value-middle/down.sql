-- undo: ~ enum mood: + value 'ok' after 'sad'
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
DROP TYPE public.mood_old;
