-- undo: + column t.price money.finite
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN price;

-- undo: + domain money.finite
DROP DOMAIN money.finite;

-- undo: + function money.is_finite(v numeric)
DROP FUNCTION money.is_finite(v numeric);

-- undo: + schema money
-- hazard: deletes data
DROP SCHEMA money;
