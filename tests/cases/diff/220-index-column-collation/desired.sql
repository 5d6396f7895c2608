CREATE TABLE t (id int, a text, b text COLLATE "C");
CREATE INDEX t_a ON t (a COLLATE "C" text_pattern_ops DESC);
CREATE INDEX t_b ON t (b);
CREATE INDEX t_lower ON t ((lower(a)) COLLATE "C");
