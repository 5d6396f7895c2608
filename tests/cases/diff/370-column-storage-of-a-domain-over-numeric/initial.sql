-- A domain over numeric stores MAIN (numeric's storage): set to EXTENDED
-- up, set back to MAIN (read through the domain) down.
CREATE SCHEMA fin;
CREATE DOMAIN fin.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE TABLE fin.ledger (id int PRIMARY KEY, amount fin.amount, memo text);
INSERT INTO fin.ledger VALUES (1, 10.5, 'a');
