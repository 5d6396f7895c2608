CREATE DOMAIN quantity AS integer CONSTRAINT quantity_check CHECK (VALUE >= 0);
CREATE TABLE line (id int PRIMARY KEY, qty quantity);
INSERT INTO line VALUES (1, 5), (2, 0);
