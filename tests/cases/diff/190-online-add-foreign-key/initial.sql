CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, pid integer);
INSERT INTO p SELECT g FROM generate_series(1, 100) g;
INSERT INTO c SELECT g, 1 + g % 100 FROM generate_series(1, 1000) g;
