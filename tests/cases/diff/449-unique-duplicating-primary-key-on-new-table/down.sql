-- undo: + table source.table_for_constraints
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE source.table_for_constraints;
