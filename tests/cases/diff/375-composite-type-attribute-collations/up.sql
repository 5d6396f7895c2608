-- + type "Tagged"
CREATE TYPE public."Tagged" AS (tag character varying(20) COLLATE "C");

-- ~ type labelled (replaced in place)
ALTER TYPE public.labelled ALTER ATTRIBUTE label TYPE text COLLATE "POSIX";
ALTER TYPE public.labelled ADD ATTRIBUTE code text COLLATE "C";
