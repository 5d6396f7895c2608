-- Types share one namespace: a composite type that becomes an enum, an
-- enum that becomes a domain, under the same names.
CREATE TYPE state AS (a int, b text);
CREATE TYPE label AS ENUM ('x');
CREATE TABLE t (id int);
