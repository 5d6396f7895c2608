CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE UNIQUE INDEX accounts_email_lower_idx ON accounts (lower(email));
