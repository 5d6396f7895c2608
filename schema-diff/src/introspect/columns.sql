-- Columns of every table of the schemas asked for ($1), dropped ones left
-- out. The type comes as its base type (the element type of an array: a type
-- is a true array when it is its element's `typarray`), the base type's
-- schema, an array flag and the modifier; the type lookup is a lateral
-- subquery the planner memoizes per distinct type. Defaults and comments
-- come from their own queries.
SELECT a.attrelid AS table_oid,
       a.attnum AS num,
       a.attname::text AS name,
       ty.type_name,
       ty.type_schema,
       ty.is_array,
       a.atttypmod AS typmod,
       a.attnotnull AS not_null,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       a.attislocal AS is_local,
       co.collation_schema,
       co.collation_name,
       sq.seq_start,
       sq.seq_increment,
       sq.seq_min,
       sq.seq_max,
       sq.seq_cache,
       sq.seq_cycle,
       sq.seq_name,
       -- The storage when it is not the type's; the compression method
       -- when one is set.
       CASE WHEN a.attstorage <> ty.type_storage THEN a.attstorage::text END AS storage,
       NULLIF(a.attcompression::text, '') AS compression,
       -- A statistics target when one is set (-1: the server's default).
       NULLIF(a.attstattarget, -1)::integer AS statistics,
       -- The options a user sets (ALTER COLUMN ... SET (n_distinct = ...));
       -- entries the server keeps there for itself are not the schema's.
       ARRAY(SELECT o FROM pg_catalog.unnest(a.attoptions) o
             WHERE pg_catalog.split_part(o, '=', 1) IN ('n_distinct', 'n_distinct_inherited')
             ORDER BY o) AS options
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN LATERAL (
  SELECT bt.typname::text AS type_name,
         bn.nspname::text AS type_schema,
         (et.oid IS NOT NULL) AS is_array,
         t.typstorage AS type_storage
  FROM pg_catalog.pg_type t
  LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND et.typarray = t.oid
  JOIN pg_catalog.pg_type bt ON bt.oid = COALESCE(et.oid, t.oid)
  JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace
  WHERE t.oid = a.atttypid
  OFFSET 0
) ty ON true
LEFT JOIN LATERAL (
  SELECT cn.nspname::text AS collation_schema, cl.collname::text AS collation_name
  FROM pg_catalog.pg_collation cl
  JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
  WHERE cl.oid = a.attcollation
    AND a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid)
) co ON true
-- The sequence of an identity or serial column, with its options: an
-- identity's (dependency 'i'), or the sequence the column owns (OWNED BY,
-- dependency 'a') that its default uses (the pg_attrdef row depends on
-- it); another sequence the column owns is a sequence of its own. Read for
-- all columns at once and hash-joined (a lateral per column was a third of
-- the query at 15,000 columns).
LEFT JOIN (
  SELECT DISTINCT ON (d.refobjid, d.refobjsubid) d.refobjid, d.refobjsubid,
         s.seqstart AS seq_start, s.seqincrement AS seq_increment, s.seqmin AS seq_min,
         s.seqmax AS seq_max, s.seqcache AS seq_cache, s.seqcycle AS seq_cycle,
         -- An identity's sequence of a name other than the one PostgreSQL
         -- gives it (SEQUENCE NAME).
         -- (always in the table's schema).
         CASE WHEN d.deptype = 'i'
                AND NOT /* serial_sequence_named(ic, d.refobjid, d.refobjsubid) */
              THEN ic.relname::text END AS seq_name
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
  JOIN pg_catalog.pg_class ic ON ic.oid = d.objid
  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND d.refobjsubid > 0
    AND (d.deptype = 'i'
         OR (d.deptype = 'a' AND EXISTS (
               SELECT 1 FROM pg_catalog.pg_attrdef ad
               JOIN pg_catalog.pg_depend dd
                 ON dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND dd.objid = ad.oid
               WHERE ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid
                 AND dd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                 AND dd.refobjid = d.objid)
             AND EXISTS (
               SELECT 1 FROM pg_catalog.pg_class sqc
               WHERE sqc.oid = d.objid
                 AND /* serial_sequence_named(sqc, d.refobjid, d.refobjsubid) */)))
) sq ON sq.refobjid = a.attrelid AND sq.refobjsubid = a.attnum
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
  AND a.attnum > 0
  AND NOT a.attisdropped
