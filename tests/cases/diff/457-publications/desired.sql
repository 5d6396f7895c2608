CREATE SCHEMA "Shop";
CREATE TABLE "Shop".orders (id integer PRIMARY KEY, total numeric);
CREATE TABLE "Shop".items (id integer PRIMARY KEY, order_id integer, qty integer);
CREATE PUBLICATION kept FOR TABLE "Shop".items;
CREATE PUBLICATION "Order Feed" FOR TABLE "Shop".orders (id, total) WHERE (total > 10), TABLE "Shop".items
    WITH (publish = 'insert, update, delete', publish_via_partition_root = true);
CREATE PUBLICATION whole_shop FOR TABLES IN SCHEMA "Shop";
CREATE PUBLICATION everything FOR ALL TABLES WITH (publish = 'truncate');
COMMENT ON PUBLICATION kept IS 'line items';
