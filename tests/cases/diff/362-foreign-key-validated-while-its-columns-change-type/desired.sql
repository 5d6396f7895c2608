CREATE SCHEMA app;
CREATE TABLE app.parent (id bigint PRIMARY KEY);
CREATE TABLE app.kid (id int PRIMARY KEY, parent_id bigint);
ALTER TABLE app.kid ADD CONSTRAINT kid_parent_fk FOREIGN KEY (parent_id) REFERENCES app.parent;
