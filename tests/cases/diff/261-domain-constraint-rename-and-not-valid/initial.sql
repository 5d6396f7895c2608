CREATE DOMAIN email AS text CONSTRAINT email_check CHECK (VALUE LIKE '%@%');
CREATE DOMAIN code AS varchar(10) DEFAULT 'AA' CONSTRAINT code_len CHECK (length(VALUE) > 1);
CREATE TABLE account (id int PRIMARY KEY, mail email, c code);
INSERT INTO account VALUES (1, 'a@example.com', 'ab');
