-- A serial column becomes a plain column with no default while the target
-- keeps its sequence as a sequence of its own: the default goes with the
-- serial, and the sequence is dropped with it and
-- created again (it is not released: nothing would drop the default).
CREATE TABLE t (id serial, label text);
