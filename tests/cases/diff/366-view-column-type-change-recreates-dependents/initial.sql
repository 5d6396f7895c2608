-- A view column changes type (the table's does not): dropped and created,
-- with the view on it.
CREATE SCHEMA app;
CREATE TABLE app.account (id int PRIMARY KEY, balance numeric(10,2));
INSERT INTO app.account VALUES (1, 12.5);
CREATE VIEW app.account_v AS SELECT id, balance FROM app.account;
CREATE VIEW app.rich AS SELECT id FROM app.account_v WHERE balance > 10;
