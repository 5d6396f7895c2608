-- Comments on what PostgreSQL makes for a column or a constraint: the
-- sequence of a serial and of an identity, the index of a key.
CREATE TABLE test (id serial PRIMARY KEY, code text UNIQUE, n bigint GENERATED ALWAYS AS IDENTITY);
COMMENT ON SEQUENCE test_id_seq IS 'test table sequence';
COMMENT ON SEQUENCE test_n_seq IS 'it''s the identity''s';
COMMENT ON INDEX test_pkey IS 'primary key';
COMMENT ON CONSTRAINT test_pkey ON test IS 'the constraint';
CREATE TABLE "New" (id serial PRIMARY KEY);
COMMENT ON SEQUENCE "New_id_seq" IS 'new';
COMMENT ON INDEX "New_pkey" IS 'new key';
