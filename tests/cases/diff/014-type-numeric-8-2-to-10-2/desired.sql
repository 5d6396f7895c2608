CREATE TABLE t (
    id integer PRIMARY KEY,
    v numeric(10,2)
);
