-- Indexes of every table of the schemas asked for ($1); those behind a
-- constraint are filtered out in Rust (by the constraints' `index_oid`).
-- `keys` holds the attribute numbers of all columns (key columns first, then
-- INCLUDE columns; 0 for an expression), `options` the indoption bits of the
-- key columns (1: DESC, 2: NULLS FIRST), `opclasses` their operator classes
-- (named by the opclasses query when not a default one), `expressions` the
-- text of each expression element (NULL for a column; only computed when
-- there is one), `storage` the index's storage parameters (`WITH (...)`),
-- `comment` its comment, `collation_schemas` and `collation_names` (only
-- when one differs) the collation of each element that is not its
-- column's (for an expression: its type's).
SELECT i.indrelid AS table_oid,
       i.indexrelid AS oid,
       ic.relname::text AS name,
       i.indisunique AS is_unique,
       am.amname::text AS method,
       i.indnkeyatts AS key_count,
       i.indkey::pg_catalog.int2[] AS keys,
       i.indoption::pg_catalog.int2[] AS options,
       i.indclass::pg_catalog.oid[] AS opclasses,
       CASE WHEN 0 = ANY (i.indkey::pg_catalog.int2[]) THEN
         ARRAY(SELECT CASE WHEN i.indkey[s.k - 1] = 0
                           THEN pg_catalog.pg_get_indexdef(i.indexrelid, s.k, true) END
               FROM pg_catalog.generate_series(1, i.indnkeyatts::int) s(k)
               ORDER BY s.k)
       END AS expressions,
       -- The collation of each element that is not its column's (an
       -- expression's: its type's); NULL when every element has its own.
       CASE WHEN coll.differs THEN coll.schemas END AS collation_schemas,
       CASE WHEN coll.differs THEN coll.names END AS collation_names,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       -- PostgreSQL 15's column (`false` before 15: see introspect.rs).
       i.indnullsnotdistinct AS nulls_not_distinct,
       ic.reloptions AS storage,
       dsc.description AS comment,
       -- The parent's index it is attached to (a partition's index,
       -- which is its parent's but for its name).
       (SELECT pi.relname::text FROM pg_catalog.pg_inherits ih
          JOIN pg_catalog.pg_class pi ON pi.oid = ih.inhparent
         WHERE ih.inhrelid = i.indexrelid) AS parent_index,
       -- A partitioned table's index that is not valid (made ON ONLY):
       -- its partitions (tables, not foreign ones) with no index attached
       -- to it. A valid one has one in every partition.
       CASE WHEN c.relkind = 'p' AND NOT i.indisvalid THEN
         ARRAY(SELECT h.inhrelid FROM pg_catalog.pg_inherits h
               JOIN pg_catalog.pg_class pc ON pc.oid = h.inhrelid AND pc.relkind IN ('r', 'p')
               WHERE h.inhparent = i.indrelid
                 AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits ih
                                 JOIN pg_catalog.pg_index ci ON ci.indexrelid = ih.inhrelid
                                 WHERE ih.inhparent = i.indexrelid AND ci.indrelid = h.inhrelid)
               ORDER BY h.inhrelid)
       END AS unattached_in
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_description dsc
       ON dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dsc.objoid = i.indexrelid AND dsc.objsubid = 0
-- Each key element's collation is its index attribute's attcollation
-- (pg_index.indcollation); read for all indexes at once, joined by hash
-- (a per-index lateral cost a third of the query at 4,000 indexes).
LEFT JOIN (
       SELECT e.indexrelid,
              pg_catalog.bool_or(e.differs) AS differs,
              pg_catalog.array_agg(CASE WHEN e.differs THEN cn.nspname::text END ORDER BY e.k) AS schemas,
              pg_catalog.array_agg(CASE WHEN e.differs THEN co.collname::text END ORDER BY e.k) AS names
       FROM (SELECT ia.attrelid AS indexrelid, ia.attnum AS k, ia.attcollation AS coll,
                    ia.attcollation <> 0
                    AND ia.attcollation <> COALESCE(ta.attcollation, ty.typcollation) AS differs
             FROM pg_catalog.pg_index x
             JOIN pg_catalog.pg_class xc ON xc.oid = x.indrelid
             JOIN pg_catalog.pg_namespace xn ON xn.oid = xc.relnamespace
             JOIN pg_catalog.pg_attribute ia ON ia.attrelid = x.indexrelid AND ia.attnum <= x.indnkeyatts
             LEFT JOIN pg_catalog.pg_attribute ta
                    ON ta.attrelid = x.indrelid AND ta.attnum = (x.indkey::pg_catalog.int2[])[ia.attnum - 1]
             LEFT JOIN pg_catalog.pg_type ty ON ty.oid = ia.atttypid
             WHERE xc.relkind IN ('r', 'p') AND xn.nspname = ANY ($1::text[])) e
       LEFT JOIN pg_catalog.pg_collation co ON e.differs AND co.oid = e.coll
       LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
       GROUP BY e.indexrelid
     ) coll ON coll.indexrelid = i.indexrelid
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
