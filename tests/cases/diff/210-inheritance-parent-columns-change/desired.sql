CREATE TABLE base (id int, new text NOT NULL DEFAULT '');
CREATE TABLE child (extra int) INHERITS (base);
CREATE TABLE grandchild (g int) INHERITS (child);
