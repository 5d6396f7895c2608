-- A domain over a table's row type, and a composite type with an attribute
-- of one, are created after the table (and dropped before it), as routines
-- that use a table are; where a table made (or dropped) here has a column
-- of such a domain, the domain is made among the tables: after the table
-- it is over, before the table using it (and dropped in between the other
-- way).
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE old_base (a integer);
CREATE DOMAIN old_value AS old_base;
CREATE TABLE old_user (id integer, v old_value, vs old_value[]);
