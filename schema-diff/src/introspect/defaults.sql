-- Column defaults of every table of the schemas asked for ($1), as
-- PostgreSQL prints them. A default holds no column reference (only a
-- generated column's expression does), so it is printed without a relation
-- context (second argument 0), which is much cheaper; an expression with a
-- Var node gets its relation. `serial_nextval` is the default again when
-- it is the `nextval(...)` of a sequence the column owns (`OWNED BY`,
-- pg_depend deptype 'a'; identity sequences are deptype 'i'): the column
-- is a serial. A column may own other sequences (objects.sql reads those
-- as sequences of their own); only the one its default calls makes it a
-- serial, and only when it has the name PostgreSQL gives a serial's
-- sequence (one of another name is a sequence of its own, which CREATE
-- TABLE ... serial would not make).
SELECT ad.adrelid AS table_oid,
       ad.adnum AS num,
       x.expr,
       CASE WHEN x.expr LIKE 'nextval(%' THEN
         (SELECT x.expr
          FROM pg_catalog.pg_depend dep
          JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
           AND /* serial_sequence_named(s, ad.adrelid, ad.adnum) */
          WHERE dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND dep.refobjid = ad.adrelid
            AND dep.refobjsubid = ad.adnum
            AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND dep.deptype = 'a'
            AND x.expr = pg_catalog.format('nextval(%L::regclass)', s.oid::pg_catalog.regclass::text)
          LIMIT 1)
       END AS serial_nextval
FROM pg_catalog.pg_attrdef ad
JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
  SELECT pg_catalog.pg_get_expr(
           ad.adbin,
           CASE WHEN pg_catalog.strpos(ad.adbin::text, '{VAR ') > 0 THEN ad.adrelid ELSE 0 END
         ) AS expr
  OFFSET 0
) x
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
