CREATE DOMAIN positive_int AS integer NOT NULL CHECK (VALUE > 0);
CREATE TABLE t (id int PRIMARY KEY, name text, amount positive_int);
