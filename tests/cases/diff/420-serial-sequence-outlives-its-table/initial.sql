-- A table with a serial column is dropped while its sequence stays as a
-- sequence of its own, which another table's default still uses: the
-- sequence is released from the column (OWNED BY NONE) before the table
-- goes, so DROP TABLE does not take it along, and keeps its value.
CREATE TABLE legacy (id serial PRIMARY KEY, v text);
CREATE TABLE orders (id int NOT NULL DEFAULT nextval('legacy_id_seq'), note text);
SELECT setval('legacy_id_seq', 41);
-- The same for a serial column that is dropped while its table stays.
CREATE TABLE items (id int, code serial);
INSERT INTO items (id) VALUES (1), (2);
