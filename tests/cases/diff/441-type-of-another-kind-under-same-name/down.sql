-- undo: + column t.l public.label
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN l;

-- undo: + column t.s public.state
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN s;

-- undo: + domain label
DROP DOMAIN public.label;

-- undo: - enum label
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TYPE public.label AS ENUM ('x');

-- undo: + enum state ('first', 'second')
-- hazard: deletes data
DROP TYPE public.state;

-- undo: - type state
CREATE TYPE public.state AS (a integer, b text);
