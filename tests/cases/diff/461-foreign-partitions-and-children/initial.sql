-- Foreign tables as partitions and as inheritance children: a foreign
-- partition whose bound grows over a dropped partition (the partition goes
-- first), a new foreign default partition with a CHECK of its own, a
-- foreign child of a plain table (INHERITS), one dropped.
CREATE FOREIGN DATA WRAPPER part_fdw;
CREATE SERVER part_server FOREIGN DATA WRAPPER part_fdw;
CREATE TABLE public.cities (c1 integer, c2 text) PARTITION BY LIST (c2);
CREATE TABLE public.cities_ab PARTITION OF public.cities FOR VALUES IN ('a', 'b');
CREATE TABLE public.cities_f PARTITION OF public.cities FOR VALUES IN ('f');
CREATE FOREIGN TABLE public.cities_e PARTITION OF public.cities FOR VALUES IN ('e') SERVER part_server;
CREATE TABLE public.events (id integer, at date);
CREATE FOREIGN TABLE public.old_events (note text) INHERITS (public.events) SERVER part_server
    OPTIONS (table_name 'events_2020');
