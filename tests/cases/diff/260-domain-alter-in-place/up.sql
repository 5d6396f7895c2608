-- ~ domain quantity (replaced in place)
-- hazard: can fail on existing rows
ALTER DOMAIN public.quantity SET DEFAULT 1;
ALTER DOMAIN public.quantity SET NOT NULL;
ALTER DOMAIN public.quantity ADD CONSTRAINT quantity_max CHECK ((VALUE <= 1000));
