-- undo: + trigger event_check on event
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TRIGGER event_check ON public.event;

-- undo: + function event_check()
DROP FUNCTION public.event_check();
