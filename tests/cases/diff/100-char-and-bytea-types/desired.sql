CREATE TABLE t (a char(5), b text, c cidr, d text);
