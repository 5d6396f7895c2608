-- - type state
DROP TYPE public.state;

-- + enum state ('first', 'second')
CREATE TYPE public.state AS ENUM ('first', 'second');

-- - enum label
-- hazard: deletes data
DROP TYPE public.label;

-- + domain label
CREATE DOMAIN public.label AS text CONSTRAINT label_check CHECK ((VALUE <> ''::text));

-- + column t.s public.state
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN s public.state;

-- + column t.l public.label
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN l public.label;
