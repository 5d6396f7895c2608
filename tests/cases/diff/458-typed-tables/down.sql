-- undo: ~ table "Typed".guests: of type none -> "Typed".person
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".guests NOT OF;

-- undo: ~ table "Typed".badges: of type none -> "Typed".badge
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".badges NOT OF;

-- undo: + column "Typed".badges.color text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".badges DROP COLUMN color;

-- undo: + table "Typed".visitors
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Typed".visitors;

-- undo: ~ type "Typed".badge (replaced in place)
-- hazard: deletes data
ALTER TYPE "Typed".badge DROP ATTRIBUTE color;

-- undo: - table "Typed".old
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE "Typed".old (
    id integer,
    name text
);
ALTER TABLE "Typed".old OF "Typed".person;

-- undo: ~ table "Typed".staff: of type "Typed".person -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".staff OF "Typed".person;

-- undo: ~ table "Typed".badges: of type "Typed".badge -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Typed".badges OF "Typed".badge;
