-- undo: + unique orders_note_key on "Keys".orders (note)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Keys".orders DROP CONSTRAINT orders_note_key;

-- undo: + unique "Orders Code" on "Keys".orders (code)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Keys".orders DROP CONSTRAINT "Orders Code";

-- undo: + primary key orders_pkey on "Keys".orders (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Keys".orders DROP CONSTRAINT orders_pkey;

-- undo: + table "Keys".lines
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Keys".lines;

-- undo: - primary key orders_pkey on "Keys".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Keys".orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

-- undo: - unique orders_note_key on "Keys".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Keys".orders ADD CONSTRAINT orders_note_key UNIQUE (note) INCLUDE (total);

-- undo: - unique "Orders Code" on "Keys".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Keys".orders ADD CONSTRAINT "Orders Code" UNIQUE (code) WITH (fillfactor = '80');
