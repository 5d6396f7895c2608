CREATE TABLE docs (id integer, body jsonb, tags text[]);
