-- + column billing.invoice.paid boolean
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE billing.invoice ADD COLUMN paid boolean;

-- ~ view billing.open_invoice (replaced in place)
CREATE OR REPLACE VIEW billing.open_invoice AS SELECT invoice.id,
    invoice.total
   FROM billing.invoice
  WHERE (NOT invoice.paid);

-- + comment on COLUMN billing.amount.currency
COMMENT ON COLUMN billing.amount.currency IS 'ISO 4217';

-- + comment on SCHEMA billing
COMMENT ON SCHEMA billing IS 'Invoices and payments';

-- + comment on COLUMN billing.open_invoice.id
COMMENT ON COLUMN billing.open_invoice.id IS 'The invoice';

-- ~ comment on COLUMN billing.open_invoice.total (replaced in place)
COMMENT ON COLUMN billing.open_invoice.total IS 'Gross, in cents';
