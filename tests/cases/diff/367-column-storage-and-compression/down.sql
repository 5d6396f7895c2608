-- undo: ~ column event.payload: storage default -> external, compression default -> lz4
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.event ALTER COLUMN payload SET STORAGE EXTENDED, ALTER COLUMN payload SET COMPRESSION default;

-- undo: ~ column "Docs"."Doc".raw: storage external -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN raw SET STORAGE EXTERNAL;

-- undo: ~ column "Docs"."Doc".amount: storage default -> extended
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN amount SET STORAGE MAIN;

-- undo: ~ column "Docs"."Doc".meta: compression lz4 -> pglz
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN meta SET COMPRESSION lz4;

-- undo: ~ column "Docs"."Doc"."Body": storage default -> main, compression default -> lz4
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN "Body" SET STORAGE EXTENDED, ALTER COLUMN "Body" SET COMPRESSION default;

-- undo: + column "Docs"."Doc"."Extra" text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" DROP COLUMN "Extra";

-- undo: + table "Docs".blob
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Docs".blob;
