-- + column nodes.parent_id integer
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.nodes ADD COLUMN parent_id integer;

-- + foreign key nodes_parent_id_fkey on nodes -> nodes
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.nodes (id);
