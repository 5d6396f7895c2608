-- - index t_a_idx on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_a_idx;

-- + index t_a_idx on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_a_idx ON public.t (a) WITH (fillfactor = '70', deduplicate_items = 'off');

-- + index t_a_brin on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_a_brin ON public.t USING brin (a) WITH (pages_per_range = '32');
