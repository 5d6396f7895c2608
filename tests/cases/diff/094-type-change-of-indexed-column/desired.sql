CREATE TABLE t (id bigint PRIMARY KEY, code text);
CREATE INDEX t_code_idx ON t (code);
