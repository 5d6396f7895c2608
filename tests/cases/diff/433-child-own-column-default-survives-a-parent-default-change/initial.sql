CREATE TABLE vehicles (id int, wheels int DEFAULT 4, note text DEFAULT 'a');
-- Declares the parent's columns itself (local and inherited), with a
-- default of its own for one.
CREATE TABLE bikes (id int, wheels int DEFAULT 2, note text DEFAULT 'a') INHERITS (vehicles);
