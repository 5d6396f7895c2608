CREATE TABLE a_parent (id int, x int, y text);
CREATE TABLE child (x int, extra int) INHERITS (a_parent);
CREATE TABLE z_child (y text) INHERITS (a_parent);
INSERT INTO child VALUES (1, 2, 'a', 3);
