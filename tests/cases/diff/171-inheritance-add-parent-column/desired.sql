CREATE TABLE base (id int, note text);
CREATE TABLE child (extra int) INHERITS (base);
