-- + table "Docs".blob
CREATE TABLE "Docs".blob (
    id integer,
    data bytea COMPRESSION lz4,
    note text
);
ALTER TABLE "Docs".blob ALTER COLUMN data SET STORAGE EXTERNAL, ALTER COLUMN note SET STORAGE MAIN;

-- + column "Docs"."Doc"."Extra" text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ADD COLUMN "Extra" text COMPRESSION pglz;
ALTER TABLE "Docs"."Doc" ALTER COLUMN "Extra" SET STORAGE EXTERNAL;

-- ~ column "Docs"."Doc"."Body": storage default -> main, compression default -> lz4
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN "Body" SET STORAGE MAIN, ALTER COLUMN "Body" SET COMPRESSION lz4;

-- ~ column "Docs"."Doc".meta: compression lz4 -> pglz
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN meta SET COMPRESSION pglz;

-- ~ column "Docs"."Doc".amount: storage default -> extended
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN amount SET STORAGE EXTENDED;

-- ~ column "Docs"."Doc".raw: storage external -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Docs"."Doc" ALTER COLUMN raw SET STORAGE EXTENDED;

-- ~ column event.payload: storage default -> external, compression default -> lz4
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.event ALTER COLUMN payload SET STORAGE EXTERNAL, ALTER COLUMN payload SET COMPRESSION lz4;
