-- - unique "Orders Code" on "Keys".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Keys".orders DROP CONSTRAINT "Orders Code";

-- - unique orders_note_key on "Keys".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Keys".orders DROP CONSTRAINT orders_note_key;

-- - primary key orders_pkey on "Keys".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Keys".orders DROP CONSTRAINT orders_pkey;

-- + table "Keys".lines
CREATE TABLE "Keys".lines (
    order_id integer NOT NULL,
    line integer NOT NULL,
    qty integer,
    CONSTRAINT lines_pkey PRIMARY KEY (order_id, line) INCLUDE (qty) WITH (fillfactor = '60'),
    CONSTRAINT lines_qty_key UNIQUE NULLS NOT DISTINCT (qty) INCLUDE (line) WITH (fillfactor = '50') DEFERRABLE INITIALLY DEFERRED
);

-- + primary key orders_pkey on "Keys".orders (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Keys".orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id) INCLUDE (code) WITH (fillfactor = '70');

-- + unique "Orders Code" on "Keys".orders (code)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Keys".orders ADD CONSTRAINT "Orders Code" UNIQUE (code) WITH (deduplicate_items = 'off', fillfactor = '90');

-- + unique orders_note_key on "Keys".orders (note)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Keys".orders ADD CONSTRAINT orders_note_key UNIQUE (note);
