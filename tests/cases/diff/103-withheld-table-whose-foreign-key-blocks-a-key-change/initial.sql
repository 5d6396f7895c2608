-- Found by the property test: a table whose drop is withheld keeps its
-- foreign key, but the key that foreign key references changes, so the
-- foreign key itself must go (that deletes no data).
CREATE TABLE t (id numeric(10,2) PRIMARY KEY, "select" integer[]);
CREATE TABLE child (b numeric(10,2) REFERENCES t (id) ON DELETE SET NULL, note text);
INSERT INTO t VALUES (1, '{1}'), (2, '{2}');
INSERT INTO child VALUES (1, 'one'), (NULL, 'none');
