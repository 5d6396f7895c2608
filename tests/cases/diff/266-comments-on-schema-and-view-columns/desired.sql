CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Invoices and payments';
CREATE TABLE billing.invoice (id int PRIMARY KEY, total numeric, paid bool);
CREATE VIEW billing.open_invoice AS SELECT id, total FROM billing.invoice WHERE NOT paid;
CREATE TYPE billing.amount AS (value numeric, currency text);
COMMENT ON COLUMN billing.open_invoice.id IS 'The invoice';
COMMENT ON COLUMN billing.open_invoice.total IS 'Gross, in cents';
COMMENT ON COLUMN billing.amount.currency IS 'ISO 4217';
