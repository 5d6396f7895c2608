-- undo: + foreign key nodes_parent_id_fkey on nodes -> nodes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.nodes DROP CONSTRAINT nodes_parent_id_fkey;

-- undo: + column nodes.parent_id integer
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.nodes DROP COLUMN parent_id;
