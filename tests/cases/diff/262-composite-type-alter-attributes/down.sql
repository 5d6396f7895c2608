-- undo: ~ type price (replaced in place)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: deletes data
ALTER TYPE public.price DROP ATTRIBUTE valid_from;
ALTER TYPE public.price ADD ATTRIBUTE legacy text;
