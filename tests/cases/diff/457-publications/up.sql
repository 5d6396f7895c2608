-- - publication old_feed
DROP PUBLICATION old_feed;

-- - publication "Order Feed"
DROP PUBLICATION "Order Feed";

-- - column "Shop".orders.note
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Shop".orders DROP COLUMN note;

-- - table gone
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.gone;

-- + publication "Order Feed"
CREATE PUBLICATION "Order Feed" FOR TABLE "Shop".items, TABLE "Shop".orders (id, total) WHERE ((total > (10)::numeric)) WITH (publish = 'insert, update, delete', publish_via_partition_root = true);

-- + publication everything
CREATE PUBLICATION everything FOR ALL TABLES WITH (publish = 'truncate', publish_via_partition_root = false);

-- + publication whole_shop
CREATE PUBLICATION whole_shop FOR TABLES IN SCHEMA "Shop" WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);
