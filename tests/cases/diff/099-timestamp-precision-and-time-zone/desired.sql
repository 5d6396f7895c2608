CREATE TABLE t (a timestamp, b timestamptz, c timetz);
