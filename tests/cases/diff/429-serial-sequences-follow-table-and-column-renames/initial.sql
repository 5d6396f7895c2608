CREATE TABLE accounts (id serial PRIMARY KEY, legacy_no bigserial, note text);
INSERT INTO accounts (note) VALUES ('a'), ('b');
