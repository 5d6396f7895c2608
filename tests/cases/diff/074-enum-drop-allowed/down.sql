-- undo: - enum mood
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');

-- undo: ~ column t.m: public.mood -> text
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::public.mood;
