-- undo: ~ column "Text Ops".person.email: collation default -> "Text Ops"."Case Insensitive"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE pg_catalog."default";

-- undo: + table tag
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.tag;

-- undo: + domain code
DROP DOMAIN public.code;

-- undo: + collation bytewise
DROP COLLATION public.bytewise;

-- undo: + collation "Text Ops"."Case Insensitive"
DROP COLLATION "Text Ops"."Case Insensitive";
