CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, pid integer NOT NULL REFERENCES p (id), n integer CHECK (n > 0));
CREATE INDEX c_n_idx ON c (n);
