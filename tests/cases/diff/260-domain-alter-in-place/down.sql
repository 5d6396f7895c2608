-- undo: ~ domain quantity (replaced in place)
ALTER DOMAIN public.quantity DROP CONSTRAINT quantity_max;
ALTER DOMAIN public.quantity DROP NOT NULL;
ALTER DOMAIN public.quantity DROP DEFAULT;
