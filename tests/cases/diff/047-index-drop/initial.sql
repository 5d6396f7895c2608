CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE INDEX accounts_name_idx ON accounts (name);
