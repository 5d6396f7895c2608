-- undo: + view notice_cost
DROP VIEW public.notice_cost;

-- undo: + function cost_of(c public.channel)
DROP FUNCTION public.cost_of(c public.channel);

-- undo: ~ enum channel: ('email', 'sms', 'fax') -> ('email', 'sms') (re-created)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.channel RENAME TO channel_old;
CREATE TYPE public.channel AS ENUM ('email', 'sms', 'fax');
ALTER TABLE public.notice ALTER COLUMN via TYPE public.channel USING via::text::public.channel;
DROP TYPE public.channel_old;

-- undo: - function cost_of(c public.channel)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.cost_of(c public.channel)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT CASE c WHEN 'sms' THEN 0.05 ELSE 0 END$function$;
RESET check_function_bodies;

-- undo: - view notice_cost
CREATE VIEW public.notice_cost AS SELECT notice.id,
    public.cost_of(notice.via) AS cost
   FROM public.notice;
