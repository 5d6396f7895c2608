-- Ordinary and partitioned tables (not partitions) of the schemas asked for
-- ($1), with their comment; tables that belong to an extension are left out.
SELECT c.oid AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name,
       d.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.objoid = c.oid AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND x.objid = c.oid AND x.deptype = 'e')
