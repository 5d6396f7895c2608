-- ~ column t.a: public.mood -> text
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t
  ALTER COLUMN a DROP DEFAULT,
  ALTER COLUMN a TYPE text,
  ALTER COLUMN a SET DEFAULT 'ok'::text;

-- ~ column t.b: text -> public.mood
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN b TYPE public.mood USING b::public.mood;
