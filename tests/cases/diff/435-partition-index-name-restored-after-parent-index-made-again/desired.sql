CREATE TABLE foobar (
    id integer NOT NULL,
    foo varchar(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);
CREATE INDEX foobar_id ON foobar (id) WHERE id > 0;
