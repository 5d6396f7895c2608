CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX t_a_idx ON t (a) WITH (fillfactor = 70, deduplicate_items = off);
CREATE INDEX t_a_brin ON t USING brin (a) WITH (pages_per_range = 32);
