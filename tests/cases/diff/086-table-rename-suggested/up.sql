-- note: table old_things was dropped and things added with the same columns: if this is a rename, add #[table(renamed_from = "old_things")] to things

-- + table things
CREATE TABLE public.things (
    id integer,
    label text
);

-- withheld: - table old_things
--   deletes data: drops table old_things and all its rows
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   DROP TABLE public.old_things;
