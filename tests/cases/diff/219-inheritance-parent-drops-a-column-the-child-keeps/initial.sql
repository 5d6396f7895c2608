CREATE TABLE p (id int, note text);
-- note is also each child's own (as ALTER TABLE ... INHERIT or a down
-- migration leaves it): c keeps it, c2 drops it after the parent.
CREATE TABLE c (note text, extra int) INHERITS (p);
CREATE TABLE c2 (note text, more int) INHERITS (p);
INSERT INTO c VALUES (1, 'keep', 2);
