CREATE SCHEMA source;
CREATE TABLE source.table_for_constraints (col1 integer NOT NULL, col2 text);
ALTER TABLE source.table_for_constraints ADD CONSTRAINT table_for_constraints_pkey PRIMARY KEY (col1);
ALTER TABLE source.table_for_constraints ADD CONSTRAINT "unique" UNIQUE (col1);
ALTER TABLE source.table_for_constraints ADD CONSTRAINT col2_a UNIQUE (col2);
ALTER TABLE source.table_for_constraints ADD CONSTRAINT col2_b UNIQUE (col2);
COMMENT ON CONSTRAINT "unique" ON source.table_for_constraints IS 'cmnt';
