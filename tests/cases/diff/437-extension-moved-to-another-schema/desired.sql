CREATE SCHEMA ext_b;
CREATE EXTENSION hstore SCHEMA ext_b;
CREATE TABLE docs (
    id integer PRIMARY KEY,
    attrs ext_b.hstore NOT NULL DEFAULT ''::ext_b.hstore,
    history ext_b.hstore[]
);
CREATE VIEW doc_attrs AS SELECT id, attrs FROM docs;
