CREATE SCHEMA "Keys";
CREATE TABLE "Keys".orders (id integer, code text, total numeric, note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id) INCLUDE (code) WITH (fillfactor = 70),
    CONSTRAINT "Orders Code" UNIQUE (code) WITH (fillfactor = 90, deduplicate_items = off),
    CONSTRAINT orders_note_key UNIQUE (note));
CREATE TABLE "Keys".lines (order_id integer, line integer, qty integer,
    CONSTRAINT lines_pkey PRIMARY KEY (order_id, line) INCLUDE (qty) WITH (fillfactor = 60),
    CONSTRAINT lines_qty_key UNIQUE NULLS NOT DISTINCT (qty) INCLUDE (line) WITH (fillfactor = 50)
        DEFERRABLE INITIALLY DEFERRED);
