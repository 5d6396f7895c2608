CREATE SCHEMA billing;
CREATE TABLE billing.invoice (id int PRIMARY KEY, total numeric);
CREATE VIEW billing.open_invoice AS SELECT id, total FROM billing.invoice;
CREATE TYPE billing.amount AS (value numeric, currency text);
COMMENT ON COLUMN billing.open_invoice.total IS 'old';
