-- undo: + index docs_tags_idx on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.docs_tags_idx;

-- undo: + index docs_body_idx on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.docs_body_idx;
