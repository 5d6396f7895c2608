-- ~ enum mood: + value 'meh' at the end
-- runs outside a transaction
ALTER TYPE public.mood ADD VALUE 'meh';

-- ~ column t.m: default none -> 'meh'::public.mood
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'meh'::public.mood;
