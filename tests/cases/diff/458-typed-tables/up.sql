-- note: table "Typed".old was dropped and "Typed".visitors added with the same columns: if this is a rename, add #[table(renamed_from = "old")] to visitors

-- ~ table "Typed".badges: of type "Typed".badge -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".badges NOT OF;

-- ~ table "Typed".staff: of type "Typed".person -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".staff NOT OF;

-- - table "Typed".old
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Typed".old;

-- ~ type "Typed".badge (replaced in place)
ALTER TYPE "Typed".badge ADD ATTRIBUTE color text;

-- + table "Typed".visitors
CREATE TABLE "Typed".visitors (
    id integer NOT NULL,
    name text DEFAULT 'anonymous'::text,
    CONSTRAINT visitors_pkey PRIMARY KEY (id)
);
ALTER TABLE "Typed".visitors OF "Typed".person;

-- + column "Typed".badges.color text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".badges ADD COLUMN color text;

-- ~ table "Typed".badges: of type none -> "Typed".badge
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".badges OF "Typed".badge;

-- ~ table "Typed".guests: of type none -> "Typed".person
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".guests OF "Typed".person;
