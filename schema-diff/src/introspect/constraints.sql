-- Primary key, unique, foreign key and CHECK constraints of every table of
-- the schemas asked for ($1). Key columns come as attribute numbers (named by
-- the columns query); a foreign key's referenced columns come by name, since
-- the referenced table may live in a schema that is not read. A CHECK comes as
-- `pg_get_constraintdef` prints it (pretty), `CHECK (...)` included.
SELECT k.conrelid AS table_oid,
       k.conname::text AS name,
       k.contype::text AS kind,
       k.conkey AS columns,
       rn.nspname::text AS ref_schema,
       rc.relname::text AS ref_table,
       CASE WHEN k.contype = 'f' THEN
         ARRAY(SELECT ra.attname::text
               FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(num, ord)
               JOIN pg_catalog.pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.num
               ORDER BY u.ord)
       END AS ref_columns,
       k.confupdtype::text AS on_update,
       k.confdeltype::text AS on_delete,
       k.condeferrable AS deferrable,
       k.condeferred AS deferred,
       CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_constraintdef(k.oid, true) END AS check_def
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE k.contype IN ('p', 'u', 'f', 'c')
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
