CREATE TABLE p1 (id int NOT NULL);
CREATE TABLE p2 (b int, c text, CONSTRAINT p2_b_check CHECK (b > 0));
CREATE TABLE child (b int, extra int) INHERITS (p1);
INSERT INTO child VALUES (1, 2, 3);
