CREATE TABLE base (id int, old text);
CREATE TABLE child (old text, extra int) INHERITS (base);
CREATE TABLE grandchild (g int) INHERITS (child);
