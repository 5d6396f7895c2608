CREATE TABLE base (id int, note text, CONSTRAINT base_id_check CHECK (id > 0));
CREATE TABLE child (id int, extra int);
