CREATE SCHEMA "Agg Ops";
CREATE TABLE words (id int PRIMARY KEY, word text);
