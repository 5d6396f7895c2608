-- undo: + foreign table new_events
DROP FOREIGN TABLE public.new_events;

-- undo: + foreign table cities_rest
DROP FOREIGN TABLE public.cities_rest;

-- undo: + foreign table cities_e
DROP FOREIGN TABLE public.cities_e;

-- undo: - table cities_f
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.cities_f PARTITION OF public.cities FOR VALUES IN ('f');

-- undo: - foreign table cities_e
CREATE FOREIGN TABLE public.cities_e PARTITION OF public.cities FOR VALUES IN ('e') SERVER part_server;

-- undo: - foreign table old_events
CREATE FOREIGN TABLE public.old_events (
    id integer,
    at date,
    note text
) INHERITS (public.events) SERVER part_server OPTIONS (table_name 'events_2020');
