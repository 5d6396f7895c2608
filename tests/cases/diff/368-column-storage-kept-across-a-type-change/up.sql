-- ~ column note.tag: storage external -> default, compression lz4 -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN tag SET STORAGE EXTENDED, ALTER COLUMN tag SET COMPRESSION default;

-- ~ column note.body: storage main -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN body SET STORAGE EXTENDED;

-- ~ column note.tag: character varying(20) -> text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN tag TYPE text;

-- ~ column note.body: collation default -> pg_catalog."C"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN body TYPE text COLLATE pg_catalog."C";

-- ~ column note.tag: storage default -> external, compression default -> lz4
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN tag SET STORAGE EXTERNAL, ALTER COLUMN tag SET COMPRESSION lz4;

-- ~ column note.body: storage default -> main
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.note ALTER COLUMN body SET STORAGE MAIN;
