-- - foreign key kid_parent_fk on app.kid
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE app.kid DROP CONSTRAINT kid_parent_fk;

-- ~ column app.kid.parent_id: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE app.kid ALTER COLUMN parent_id TYPE bigint;

-- ~ column app.parent.id: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE app.parent ALTER COLUMN id TYPE bigint;

-- + foreign key kid_parent_fk on app.kid -> app.parent
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE app.kid ADD CONSTRAINT kid_parent_fk FOREIGN KEY (parent_id) REFERENCES app.parent (id);
