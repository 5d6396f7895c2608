CREATE TABLE p (k int, id int, note text, PRIMARY KEY (k, id)) PARTITION BY LIST (k);
CREATE INDEX p_note_idx ON p (note);
CREATE TABLE c PARTITION OF p FOR VALUES IN (1);
INSERT INTO p VALUES (1, 1, 'a');
