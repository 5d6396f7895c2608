CREATE SCHEMA app;
CREATE TABLE app.account (id int PRIMARY KEY, balance numeric(10,2));
CREATE VIEW app.account_v AS SELECT id::bigint AS id, balance FROM app.account;
CREATE VIEW app.rich AS SELECT id FROM app.account_v WHERE balance > 10;
