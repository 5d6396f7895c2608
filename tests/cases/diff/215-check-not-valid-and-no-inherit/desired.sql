CREATE TABLE t (id int, a int, CONSTRAINT t_a_check CHECK (a > 0), CONSTRAINT t_id_check CHECK (id <> 0) NO INHERIT);
ALTER TABLE t ADD CONSTRAINT t_a_id_check CHECK (id < a) NOT VALID;
CREATE TABLE child () INHERITS (t);
CREATE TABLE n (id int, CONSTRAINT n_id_check CHECK (id > 0) NO INHERIT);
ALTER TABLE n ADD CONSTRAINT n_id_small CHECK (id < 10) NOT VALID;
