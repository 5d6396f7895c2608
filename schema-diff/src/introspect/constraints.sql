-- Primary key, unique, foreign key, CHECK and exclusion constraints of every
-- table of the schemas asked for ($1). Key columns come as attribute numbers
-- (named from the columns query). A foreign key's referenced columns come as
-- numbers too, and by name only when the referenced table is not among the
-- tables read. A CHECK comes as `pg_get_constraintdef` prints it (pretty),
-- `CHECK (...)` included. `index_oid` is the index behind a primary key,
-- unique or exclusion constraint (left out of the index list);
-- `nulls_not_distinct` that index's NULLS NOT DISTINCT; `match_type` a
-- foreign key's MATCH (`f` full, `s` simple); `comment` the constraint's;
-- `validated` false for NOT VALID, `no_inherit` a CHECK's NO INHERIT;
-- `include` and `key_with` a key's index's INCLUDE columns and storage
-- parameters.
SELECT k.conrelid AS table_oid,
       k.conname::text AS name,
       k.contype::text AS kind,
       k.conkey AS columns,
       k.conindid AS index_oid,
       k.confrelid AS ref_oid,
       rn.nspname::text AS ref_schema,
       rc.relname::text AS ref_table,
       k.confkey AS ref_nums,
       CASE WHEN k.contype = 'f'
                 AND NOT (rc.relkind IN ('r', 'p') 
                          AND rn.nspname = ANY ($1::text[])) THEN
         ARRAY(SELECT ra.attname::text
               FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(num, ord)
               JOIN pg_catalog.pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.num
               ORDER BY u.ord)
       END AS ref_columns,
       k.confupdtype::text AS on_update,
       k.confdeltype::text AS on_delete,
       k.condeferrable AS deferrable,
       k.condeferred AS deferred,
       k.confmatchtype::text AS match_type,
       -- PostgreSQL 15's column (`false` before 15: see introspect.rs).
       COALESCE((SELECT x.indnullsnotdistinct FROM pg_catalog.pg_index x
                 WHERE x.indexrelid = k.conindid), false) AS nulls_not_distinct,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
          AND dsc.objoid = k.oid AND dsc.objsubid = 0) AS comment,
       CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_constraintdef(k.oid, true) END AS check_def,
       (k.conislocal AND k.conparentid = 0) AS is_local,
       k.convalidated AS validated,
       k.connoinherit AS no_inherit,
       -- A key's index: its INCLUDE columns and storage parameters (sorted).
       CASE WHEN k.contype IN ('p', 'u') THEN
         ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index x
               CROSS JOIN LATERAL pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY u(num, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.num
               WHERE x.indexrelid = k.conindid AND u.ord > x.indnkeyatts
               ORDER BY u.ord)
       END AS include,
       CASE WHEN k.contype IN ('p', 'u') THEN
         ARRAY(SELECT o FROM pg_catalog.pg_class ic CROSS JOIN LATERAL pg_catalog.unnest(ic.reloptions) o
               WHERE ic.oid = k.conindid ORDER BY o)
       END AS key_with
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
