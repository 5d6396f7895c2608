CREATE TABLE p (a integer NOT NULL UNIQUE, b integer NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE c (pa integer REFERENCES p (a));
