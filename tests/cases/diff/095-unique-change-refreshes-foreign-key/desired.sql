CREATE TABLE p (a integer PRIMARY KEY, b integer);
CREATE TABLE c (pa integer REFERENCES p (a));
