-- A hardened public schema: nobody but its owner uses it.
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
CREATE TABLE t (id integer);
