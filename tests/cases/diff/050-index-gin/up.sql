-- + index docs_body_idx on docs
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX docs_body_idx ON public.docs USING gin (body jsonb_path_ops);

-- + index docs_tags_idx on docs
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX docs_tags_idx ON public.docs USING gin (tags);
