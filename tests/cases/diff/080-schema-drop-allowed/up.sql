-- - table old.t
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE old.t;

-- - enum old.e
-- hazard: deletes data
DROP TYPE old.e;

-- - schema old
-- hazard: deletes data
DROP SCHEMA old;
