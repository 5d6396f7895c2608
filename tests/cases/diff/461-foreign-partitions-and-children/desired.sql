CREATE FOREIGN DATA WRAPPER part_fdw;
CREATE SERVER part_server FOREIGN DATA WRAPPER part_fdw;
CREATE TABLE public.cities (c1 integer, c2 text) PARTITION BY LIST (c2);
CREATE TABLE public.cities_ab PARTITION OF public.cities FOR VALUES IN ('a', 'b');
CREATE FOREIGN TABLE public.cities_e PARTITION OF public.cities FOR VALUES IN ('e', 'f') SERVER part_server;
CREATE FOREIGN TABLE public.cities_rest PARTITION OF public.cities (CONSTRAINT c1_positive CHECK (c1 > 0))
    DEFAULT SERVER part_server OPTIONS (table_name 'rest');
CREATE TABLE public.events (id integer, at date);
CREATE FOREIGN TABLE public.new_events (note text) INHERITS (public.events) SERVER part_server;
