-- ~ column t.m: public.mood -> text
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN m TYPE text;

-- - enum mood
-- hazard: deletes data
DROP TYPE public.mood;
