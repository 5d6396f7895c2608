CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text
);
INSERT INTO accounts (email, name) VALUES ('a@x', 'A');
