CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    full_name text
);
CREATE INDEX accounts_name_idx ON accounts (full_name);
