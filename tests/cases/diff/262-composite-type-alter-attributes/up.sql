-- ~ type price (replaced in place)
-- hazard: deletes data
ALTER TYPE public.price DROP ATTRIBUTE legacy;
ALTER TYPE public.price ADD ATTRIBUTE valid_from date;
