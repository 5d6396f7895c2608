-- + schema b
CREATE SCHEMA b;

-- + table b.orders
CREATE TABLE b.orders (
    id integer NOT NULL,
    user_id integer,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);
CREATE INDEX orders_user_idx ON b.orders (user_id);

-- + foreign key orders_user_id_fkey on b.orders -> a.users
-- hazard: blocks writes to the table while it runs
ALTER TABLE b.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES a.users (id);
