-- - view notice_cost
DROP VIEW public.notice_cost;

-- - function cost_of(c public.channel)
DROP FUNCTION public.cost_of(c public.channel);

-- ~ enum channel: ('email', 'sms', 'fax') -> ('email', 'sms') (re-created)
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.channel RENAME TO channel_old;
CREATE TYPE public.channel AS ENUM ('email', 'sms');
ALTER TABLE public.notice ALTER COLUMN via TYPE public.channel USING via::text::public.channel;
DROP TYPE public.channel_old;

-- + function cost_of(c public.channel)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.cost_of(c public.channel)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT CASE c WHEN 'sms' THEN 0.05 ELSE 0 END$function$;
RESET check_function_bodies;

-- + view notice_cost
CREATE VIEW public.notice_cost AS SELECT notice.id,
    public.cost_of(notice.via) AS cost
   FROM public.notice;
