-- Publications: one kept, one whose tables, column list, row filter and
-- options change (dropped and created), one dropped, one new for a whole
-- schema, one for all tables; a table of one is dropped (the publication
-- goes first) and a column another lists is dropped.
CREATE SCHEMA "Shop";
CREATE TABLE "Shop".orders (id integer PRIMARY KEY, total numeric, note text);
CREATE TABLE "Shop".items (id integer PRIMARY KEY, order_id integer, qty integer);
CREATE TABLE public.gone (id integer PRIMARY KEY);
CREATE PUBLICATION kept FOR TABLE "Shop".items;
CREATE PUBLICATION "Order Feed" FOR TABLE "Shop".orders (id, total) WHERE (total > 0)
    WITH (publish = 'insert, update');
CREATE PUBLICATION old_feed FOR TABLE public.gone;
COMMENT ON PUBLICATION kept IS 'line items';
