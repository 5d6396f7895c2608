-- undo: ~ type labelled (replaced in place)
-- hazard: deletes data
ALTER TYPE public.labelled DROP ATTRIBUTE code;
ALTER TYPE public.labelled ALTER ATTRIBUTE label TYPE text COLLATE "C";

-- undo: + type "Tagged"
DROP TYPE public."Tagged";
