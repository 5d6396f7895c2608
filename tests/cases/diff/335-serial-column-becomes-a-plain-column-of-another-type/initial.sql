-- The down migration turns the column back into a smallint before the
-- serial's sequence exists again.
CREATE TABLE t (c1 smallserial PRIMARY KEY, CONSTRAINT ck4 CHECK (c1 > 0));
