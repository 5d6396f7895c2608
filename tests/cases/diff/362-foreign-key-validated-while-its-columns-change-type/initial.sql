-- The foreign key's columns change type: it is dropped before and added
-- back (valid) after, with no VALIDATE of its own.
CREATE SCHEMA app;
CREATE TABLE app.parent (id int PRIMARY KEY);
CREATE TABLE app.kid (id int PRIMARY KEY, parent_id int);
INSERT INTO app.parent VALUES (1);
INSERT INTO app.kid VALUES (1, 1);
ALTER TABLE app.kid ADD CONSTRAINT kid_parent_fk FOREIGN KEY (parent_id) REFERENCES app.parent NOT VALID;
