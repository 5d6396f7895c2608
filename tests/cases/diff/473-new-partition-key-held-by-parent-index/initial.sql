-- New partitions whose own keys the parent's unique index holds (the
-- index made after them): made as tables of their own and attached, which
-- adopts the keys' indexes, for a parent that exists and for a new one.
CREATE TABLE foobar (foo text, bar text, n int CHECK (n > 0)) PARTITION BY LIST (foo);
CREATE UNIQUE INDEX some_partitioned_idx ON foobar (foo, bar);
