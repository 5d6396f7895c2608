-- undo: ~ column note.body: storage default -> main
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN body SET STORAGE EXTENDED;

-- undo: ~ column note.tag: storage default -> external, compression default -> lz4
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN tag SET STORAGE EXTENDED, ALTER COLUMN tag SET COMPRESSION default;

-- undo: ~ column note.body: collation default -> pg_catalog."C"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN body TYPE text COLLATE pg_catalog."default";

-- undo: ~ column note.tag: character varying(20) -> text
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.note ALTER COLUMN tag TYPE character varying(20);

-- undo: ~ column note.body: storage main -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN body SET STORAGE MAIN;

-- undo: ~ column note.tag: storage external -> default, compression lz4 -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN tag SET STORAGE EXTERNAL, ALTER COLUMN tag SET COMPRESSION lz4;
