-- Sequences that become unlogged or logged (ALTER SEQUENCE ... SET
-- UNLOGGED), with their other options.
CREATE SEQUENCE s1;
CREATE UNLOGGED SEQUENCE s2 INCREMENT BY 2;
