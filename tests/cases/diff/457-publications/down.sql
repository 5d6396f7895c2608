-- undo: + publication whole_shop
DROP PUBLICATION whole_shop;

-- undo: + publication everything
DROP PUBLICATION everything;

-- undo: + publication "Order Feed"
DROP PUBLICATION "Order Feed";

-- undo: - table gone
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.gone (
    id integer NOT NULL,
    CONSTRAINT gone_pkey PRIMARY KEY (id)
);

-- undo: - column "Shop".orders.note
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Shop".orders ADD COLUMN note text;

-- undo: - publication "Order Feed"
CREATE PUBLICATION "Order Feed" FOR TABLE "Shop".orders (id, total) WHERE ((total > (0)::numeric)) WITH (publish = 'insert, update', publish_via_partition_root = false);

-- undo: - publication old_feed
CREATE PUBLICATION old_feed FOR TABLE public.gone WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);
