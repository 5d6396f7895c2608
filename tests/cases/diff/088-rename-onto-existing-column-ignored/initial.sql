CREATE TABLE t (b integer, c text);
