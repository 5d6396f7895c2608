-- - foreign table old_events
DROP FOREIGN TABLE public.old_events;

-- - foreign table cities_e
DROP FOREIGN TABLE public.cities_e;

-- - table cities_f
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.cities_f;

-- + foreign table cities_e
CREATE FOREIGN TABLE public.cities_e PARTITION OF public.cities FOR VALUES IN ('e', 'f') SERVER part_server;

-- + foreign table cities_rest
CREATE FOREIGN TABLE public.cities_rest PARTITION OF public.cities (CONSTRAINT c1_positive CHECK ((c1 > 0))) DEFAULT SERVER part_server OPTIONS (table_name 'rest');

-- + foreign table new_events
CREATE FOREIGN TABLE public.new_events (
    id integer,
    at date,
    note text
) INHERITS (public.events) SERVER part_server;
