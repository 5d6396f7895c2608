CREATE TABLE test (id serial PRIMARY KEY, code text UNIQUE, n bigint GENERATED ALWAYS AS IDENTITY);
COMMENT ON INDEX test_code_key IS 'old';
