CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE INDEX accounts_named_idx ON accounts (email) WHERE name IS NOT NULL;
