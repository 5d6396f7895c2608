CREATE TABLE ref (id int PRIMARY KEY);
CREATE TABLE p (k int, id int REFERENCES ref, note text, PRIMARY KEY (k, id), UNIQUE (k, note)) PARTITION BY LIST (k);
CREATE INDEX ON p (id);
-- the same primary key and foreign key as p's (ATTACH adopts c's copies),
-- another index, no unique constraint
CREATE TABLE p2 (k int, id int REFERENCES ref, note text, PRIMARY KEY (k, id)) PARTITION BY LIST (k);
CREATE INDEX ON p2 (note);
CREATE TABLE c PARTITION OF p2 FOR VALUES IN (1);
