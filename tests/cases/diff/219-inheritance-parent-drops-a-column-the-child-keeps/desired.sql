CREATE TABLE p (id int);
CREATE TABLE c (note text, extra int) INHERITS (p);
CREATE TABLE c2 (more int) INHERITS (p);
