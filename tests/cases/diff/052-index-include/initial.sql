CREATE TABLE ev (id integer, at timestamptz, kind text);
