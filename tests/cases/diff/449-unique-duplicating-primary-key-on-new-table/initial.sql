-- A new table with a unique constraint on its primary key's columns (or
-- two alike): CREATE TABLE would fold it into the key, name and all, so
-- it is added after the table (pgAdmin's schema diff fixture).
CREATE SCHEMA source;
