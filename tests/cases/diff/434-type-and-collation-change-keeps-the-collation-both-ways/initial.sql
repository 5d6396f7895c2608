-- A type change without COLLATE resets a column's collation to the new
-- type's default: the type change carries the collation, both ways.
CREATE TABLE labels (
    id integer PRIMARY KEY,
    code char COLLATE "POSIX" NOT NULL,
    title varchar(40) COLLATE "C",
    note text COLLATE "C"
);
INSERT INTO labels VALUES (1, 'a', 'first', 'kept');
