-- note: column t.legacy was dropped and t.added added with the same type: if this is a rename, add #[column(renamed_from = "legacy")] to added
-- note: table old was dropped and new added with the same columns: if this is a rename, add #[table(renamed_from = "old")] to new
-- note: column t.legacy is NOT NULL without a default and its drop is withheld: inserts that leave it out fail until it is dropped

-- - index t_legacy_idx on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_legacy_idx;

-- + table new
CREATE TABLE public.new (
    id integer
);

-- + column t.added text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN added text;

-- ~ column t.v: character varying(10) -> character varying(20)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE character varying(20);

-- withheld: - column t.legacy
--   deletes data: drops column t.legacy and its values
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   ALTER TABLE public.t DROP COLUMN legacy;

-- withheld: - table old
--   deletes data: drops table old and all its rows
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   DROP TABLE public.old;
