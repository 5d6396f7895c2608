-- undo: + procedure bump(IN n integer)
DROP PROCEDURE public.bump(IN n integer);
