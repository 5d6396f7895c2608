CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE booking (id int PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL);
ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
