-- note: column accounts.name was dropped and accounts.display_name added with the same type: if this is a rename, add #[column(renamed_from = "name")] to display_name

-- + column accounts.display_name text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts ADD COLUMN display_name text;

-- withheld: - column accounts.name
--   deletes data: drops column accounts.name and its values
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   ALTER TABLE public.accounts DROP COLUMN name;
