-- note: column t.b has renamed_from = "c", but both c and b exist: taken as already renamed (if it is not, drop b in an earlier migration first)

-- ~ column t.b: integer -> text
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN b TYPE text;

-- withheld: - column t.c
--   deletes data: drops column t.c and its values
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   ALTER TABLE public.t DROP COLUMN c;
