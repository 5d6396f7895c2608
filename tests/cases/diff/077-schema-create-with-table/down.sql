-- undo: + table billing.invoices
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE billing.invoices;

-- undo: + schema billing
-- hazard: deletes data
DROP SCHEMA billing;
