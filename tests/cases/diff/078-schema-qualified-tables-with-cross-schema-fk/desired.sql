CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TABLE a.users (id integer PRIMARY KEY);
CREATE TABLE b.orders (id integer PRIMARY KEY, user_id integer REFERENCES a.users (id));
CREATE INDEX orders_user_idx ON b.orders (user_id);
