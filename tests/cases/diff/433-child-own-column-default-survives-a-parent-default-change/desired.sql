CREATE TABLE vehicles (id int, wheels int DEFAULT 6, note text DEFAULT 'b');
CREATE TABLE bikes (id int, wheels int DEFAULT 2, note text DEFAULT 'b') INHERITS (vehicles);
