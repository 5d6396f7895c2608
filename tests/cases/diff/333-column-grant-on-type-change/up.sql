-- - grant to strata_golden_reader (a) ON TABLE public."Items"
REVOKE UPDATE (a) ON TABLE public."Items" FROM strata_golden_reader;

-- - view "v B"
DROP VIEW public."v B";

-- ~ column "Items".a: interval -> text
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public."Items" ALTER COLUMN a TYPE text;

-- + view "v B"
CREATE VIEW public."v B" AS SELECT "Items".a
   FROM public."Items";
COMMENT ON VIEW public."v B" IS 'it''s a view';

-- + grant to strata_golden_reader (a) ON TABLE public."Items"
GRANT UPDATE (a) ON TABLE public."Items" TO strata_golden_reader;
