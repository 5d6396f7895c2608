CREATE TABLE docs (id integer, body jsonb, tags text[]);
CREATE INDEX docs_body_idx ON docs USING gin (body jsonb_path_ops);
CREATE INDEX docs_tags_idx ON docs USING gin (tags);
