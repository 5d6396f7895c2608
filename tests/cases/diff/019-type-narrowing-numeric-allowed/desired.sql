CREATE TABLE t (
    id integer PRIMARY KEY,
    v numeric(8,2)
);
