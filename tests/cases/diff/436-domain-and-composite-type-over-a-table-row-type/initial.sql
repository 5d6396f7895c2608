-- A domain over a table's row type, and a composite type with an attribute
-- of one, are created after the table (and dropped before it on the way
-- back), as routines that use a table are.
CREATE TABLE kept (id integer PRIMARY KEY);
