-- undo: ~ comment on COLUMN billing.open_invoice.total (replaced in place)
COMMENT ON COLUMN billing.open_invoice.total IS 'old';

-- undo: + comment on COLUMN billing.open_invoice.id
COMMENT ON COLUMN billing.open_invoice.id IS NULL;

-- undo: + comment on SCHEMA billing
COMMENT ON SCHEMA billing IS NULL;

-- undo: + comment on COLUMN billing.amount.currency
COMMENT ON COLUMN billing.amount.currency IS NULL;

-- undo: ~ view billing.open_invoice (replaced in place)
CREATE OR REPLACE VIEW billing.open_invoice AS SELECT invoice.id,
    invoice.total
   FROM billing.invoice;

-- undo: + column billing.invoice.paid boolean
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE billing.invoice DROP COLUMN paid;
