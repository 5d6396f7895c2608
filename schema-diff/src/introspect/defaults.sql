-- Column defaults of every table of the schemas asked for ($1), as
-- PostgreSQL prints them. A default holds no column reference (only a
-- generated column's expression does), so it is printed without a relation
-- context (second argument 0), which is much cheaper; an expression with a
-- Var node gets its relation. For a `nextval(...)` default, `serial_nextval`
-- is the call a serial column's default would be when the column owns a
-- sequence (`OWNED BY`, pg_depend deptype 'a'; identity sequences are
-- deptype 'i'): a column whose default equals it is a serial.
SELECT ad.adrelid AS table_oid,
       ad.adnum AS num,
       x.expr,
       CASE WHEN x.expr LIKE 'nextval(%' THEN
         (SELECT pg_catalog.format('nextval(%L::regclass)', s.oid::pg_catalog.regclass::text)
          FROM pg_catalog.pg_depend dep
          JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
          WHERE dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND dep.refobjid = ad.adrelid
            AND dep.refobjsubid = ad.adnum
            AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND dep.deptype = 'a'
          ORDER BY s.oid
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
