-- ~ rename column "User"."full name" -> "Full Name"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."User" RENAME COLUMN "full name" TO "Full Name";

-- + column "User"."quo""te" boolean
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."User" ADD COLUMN "quo""te" boolean;

-- ~ column "User"."Id": integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public."User" ALTER COLUMN "Id" TYPE bigint;

-- ~ column "User"."order": text -> integer
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public."User"
  ALTER COLUMN "order" TYPE integer USING "order"::integer,
  ALTER COLUMN "order" SET DEFAULT 0;

-- ~ column "User"."order": set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public."User" ALTER COLUMN "order" SET NOT NULL;

-- + index "User order" on "User"
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX "User order" ON public."User" ("order" DESC);
