CREATE DOMAIN email AS text CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE DOMAIN code AS varchar(10) DEFAULT 'ZZ';
-- Existing rows ('ab') break it: added NOT VALID, as people do.
ALTER DOMAIN code ADD CONSTRAINT code_upper CHECK (VALUE = upper(VALUE)) NOT VALID;
CREATE TABLE account (id int PRIMARY KEY, mail email, c code);
