-- An extension the target has in another schema is moved (ALTER EXTENSION
-- ... SET SCHEMA): a CREATE EXTENSION in the new schema would find it
-- installed, and the columns of its types move with it.
CREATE SCHEMA "ext A";
CREATE EXTENSION hstore SCHEMA "ext A";
CREATE TABLE docs (
    id integer PRIMARY KEY,
    attrs "ext A".hstore NOT NULL DEFAULT ''::"ext A".hstore,
    history "ext A".hstore[]
);
INSERT INTO docs VALUES (1, 'a=>1', ARRAY['b=>2']::"ext A".hstore[]);
CREATE VIEW doc_attrs AS SELECT id, attrs FROM docs;
