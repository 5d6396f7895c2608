-- undo: + view slot_hours
DROP VIEW public.slot_hours;

-- undo: + function total_hours(h public.hours_multirange)
DROP FUNCTION public.total_hours(h public.hours_multirange);

-- undo: + range type hours
DROP TYPE public.hours;

-- undo: + domain hour
DROP DOMAIN public.hour;
