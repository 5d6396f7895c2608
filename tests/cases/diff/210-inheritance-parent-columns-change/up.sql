-- note: column base.old was dropped and base.new added with the same type: if this is a rename, add #[column(renamed_from = "old")] to new

-- - column base.old
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.base DROP COLUMN old;

-- - column child.old
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP COLUMN old;

-- + column base.new text not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.base ADD COLUMN new text DEFAULT ''::text NOT NULL;
