-- Ordinary and partitioned tables and partitions of the schemas asked for
-- ($1), with a partitioned table's key, a partition's parent and bound, and
-- the parents of a child table (INHERITS, in order), a typed table's type. Extension members and
-- excluded tables are filtered out in Rust.
SELECT c.oid AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       ARRAY(SELECT pn.nspname::text
             FROM pg_catalog.pg_inherits ih
             JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
             JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
             WHERE ih.inhrelid = c.oid
             ORDER BY ih.inhseqno) AS parent_schemas,
       ARRAY(SELECT pc.relname::text
             FROM pg_catalog.pg_inherits ih
             JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
             WHERE ih.inhrelid = c.oid
             ORDER BY ih.inhseqno) AS parent_names,
       c.relpersistence::text AS persistence,
       c.reloptions AS options,
       c.relreplident::text AS replident,
       CASE WHEN c.relreplident = 'i' THEN
         (SELECT ri.relname::text FROM pg_catalog.pg_index x
          JOIN pg_catalog.pg_class ri ON ri.oid = x.indexrelid
          WHERE x.indrelid = c.oid AND x.indisreplident)
       END AS replident_index,
       cl.cluster_index,
       (SELECT tn.nspname::text FROM pg_catalog.pg_type ot
        JOIN pg_catalog.pg_namespace tn ON tn.oid = ot.typnamespace
        WHERE ot.oid = c.reloftype) AS of_type_schema,
       (SELECT ot.typname::text FROM pg_catalog.pg_type ot WHERE ot.oid = c.reloftype) AS of_type_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
-- The index CLUSTER uses (few tables have one: hash-joined).
LEFT JOIN (SELECT x.indrelid, ci.relname::text AS cluster_index
           FROM pg_catalog.pg_index x
           JOIN pg_catalog.pg_class ci ON ci.oid = x.indexrelid
           WHERE x.indisclustered) cl ON cl.indrelid = c.oid
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
