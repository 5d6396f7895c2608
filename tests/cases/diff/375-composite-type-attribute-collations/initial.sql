-- A composite type's attributes keep their collation (when not their
-- type's): created with it, and changed in place.
CREATE TYPE labelled AS (id integer, label text COLLATE "C", note text);
