CREATE SCHEMA fin;
CREATE DOMAIN fin.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE TABLE fin.ledger (id int PRIMARY KEY, amount fin.amount, memo text COMPRESSION pglz);
ALTER TABLE fin.ledger ALTER COLUMN amount SET STORAGE EXTENDED;
