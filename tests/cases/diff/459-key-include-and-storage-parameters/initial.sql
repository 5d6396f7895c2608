-- Primary keys and unique constraints with INCLUDE columns and storage
-- parameters on their index: a new table with both, an existing key that
-- gains INCLUDE and a fillfactor (dropped and added again), a unique whose
-- fillfactor changes, one that loses its INCLUDE; names that need quoting.
CREATE SCHEMA "Keys";
CREATE TABLE "Keys".orders (id integer, code text, total numeric, note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT "Orders Code" UNIQUE (code) WITH (fillfactor = 80),
    CONSTRAINT orders_note_key UNIQUE (note) INCLUDE (total));
