CREATE TABLE base (id int NOT NULL, note text DEFAULT 'none', CONSTRAINT base_id_check CHECK (id > 0));
CREATE TABLE child (extra int);
INSERT INTO base VALUES (1, 'a');
