CREATE SEQUENCE legacy_id_seq AS integer;
CREATE TABLE orders (id int NOT NULL DEFAULT nextval('legacy_id_seq'), note text);
CREATE SEQUENCE items_code_seq AS integer;
CREATE TABLE items (id int);
