-- withheld: - column t.b
--   deletes data: drops column t.b and its values
--   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
--   ALTER TABLE public.t DROP COLUMN b;

-- withheld: ~ rename column t.c -> b
--   renames onto column t.b, whose drop is withheld
--   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
--   ALTER TABLE public.t RENAME COLUMN c TO b;
