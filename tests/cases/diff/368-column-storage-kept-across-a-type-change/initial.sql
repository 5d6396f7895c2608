-- A type change resets storage and compression: both are set back to the
-- defaults first (so the down migration can set them again once the old
-- type is back), then set as desired. The collation change of another
-- column is a type change too.
CREATE TABLE note (id int, tag varchar(20), body text);
INSERT INTO note VALUES (1, 'x', 'y');
ALTER TABLE note ALTER COLUMN tag SET STORAGE EXTERNAL, ALTER COLUMN tag SET COMPRESSION lz4;
ALTER TABLE note ALTER COLUMN body SET STORAGE MAIN;
