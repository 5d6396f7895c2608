-- ~ column fin.ledger.amount: storage default -> extended
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE fin.ledger ALTER COLUMN amount SET STORAGE EXTENDED;

-- ~ column fin.ledger.memo: compression default -> pglz
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE fin.ledger ALTER COLUMN memo SET COMPRESSION pglz;
