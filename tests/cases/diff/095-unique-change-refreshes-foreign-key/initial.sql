CREATE TABLE p (a integer, b integer, CONSTRAINT p_a_key UNIQUE (a));
CREATE TABLE c (pa integer REFERENCES p (a));
