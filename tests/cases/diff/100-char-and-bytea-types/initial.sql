CREATE TABLE t (a char(3), b bytea, c inet, d macaddr);
