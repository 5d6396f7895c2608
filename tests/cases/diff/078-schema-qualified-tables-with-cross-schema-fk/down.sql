-- undo: + foreign key orders_user_id_fkey on b.orders -> a.users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE b.orders DROP CONSTRAINT orders_user_id_fkey;

-- undo: + table b.orders
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE b.orders;

-- undo: + schema b
-- hazard: deletes data
DROP SCHEMA b;
