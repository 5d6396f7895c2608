-- undo: ~ column labels.note: collation pg_catalog."C" -> pg_catalog."POSIX"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.labels ALTER COLUMN note TYPE text COLLATE pg_catalog."C";

-- undo: ~ column labels.title: character varying(40) -> text
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.labels ALTER COLUMN title TYPE character varying(40) COLLATE pg_catalog."C";

-- undo: ~ column labels.code: character(1) -> character varying(255), collation pg_catalog."POSIX" -> pg_catalog."C"
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.labels ALTER COLUMN code TYPE character(1) COLLATE pg_catalog."POSIX";
