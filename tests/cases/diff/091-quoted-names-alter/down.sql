-- undo: + index "User order" on "User"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public."User order";

-- undo: ~ column "User"."order": set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."User" ALTER COLUMN "order" DROP NOT NULL;

-- undo: ~ column "User"."order": text -> integer
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public."User"
  ALTER COLUMN "order" DROP DEFAULT,
  ALTER COLUMN "order" TYPE text;

-- undo: ~ column "User"."Id": integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public."User" ALTER COLUMN "Id" TYPE integer;

-- undo: + column "User"."quo""te" boolean
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."User" DROP COLUMN "quo""te";

-- undo: ~ rename column "User"."full name" -> "Full Name"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."User" RENAME COLUMN "Full Name" TO "full name";
