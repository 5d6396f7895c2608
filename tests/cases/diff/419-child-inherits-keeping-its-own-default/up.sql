-- ~ column events_api.source: default 'web'::text -> 'api'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_api ALTER COLUMN source SET DEFAULT 'api'::text;

-- ~ column events_web.source: default 'mobile'::text -> 'web'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_web ALTER COLUMN source SET DEFAULT 'web'::text;

-- + events_import inherits events
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_import INHERIT public.events;
