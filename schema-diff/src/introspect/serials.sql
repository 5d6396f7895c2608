-- Sequences owned by a column (`OWNED BY`, pg_depend deptype 'a'; identity
-- sequences are deptype 'i' and do not count), with the `nextval()` call a
-- serial column's default is: such a column with exactly that default is a
-- serial. Driven from the sequences, so it costs one probe per sequence.
SELECT dep.refobjid AS table_oid,
       dep.refobjsubid::int2 AS num,
       pg_catalog.format('nextval(%L::regclass)', s.oid::pg_catalog.regclass::text) AS nextval
FROM pg_catalog.pg_class s
JOIN pg_catalog.pg_depend dep
  ON dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
 AND dep.objid = s.oid
 AND dep.objsubid = 0
 AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
 AND dep.deptype = 'a'
WHERE s.relkind = 'S'
