-- A fragment, not a query: the condition that sequence `$seq` (a pg_class
-- row) has the name CREATE TABLE gives the serial sequence of column
-- `$attnum` of table `$table` (makeObjectName: table and column cut to fit
-- 63 bytes, the longer first; `seq` and a number where that name was
-- taken). A sequence of another name is one of its own, whatever owns it.
-- Written into defaults.sql, columns.sql and objects.sql where they say
-- `/* serial_sequence_named($seq, $table, $attnum) */`.
EXISTS (
  SELECT 1 FROM pg_catalog.pg_class st
  JOIN pg_catalog.pg_attribute sa ON sa.attrelid = st.oid AND sa.attnum = $attnum
  CROSS JOIN LATERAL (SELECT st.relname::text AS r, sa.attname::text AS c) nm
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN pg_catalog.octet_length(nm.r) + pg_catalog.octet_length(nm.c) <= 58
        THEN nm.r OPERATOR(pg_catalog.||) '_' OPERATOR(pg_catalog.||) nm.c
      WHEN pg_catalog.octet_length(nm.r) <> pg_catalog.length(nm.r)
        OR pg_catalog.octet_length(nm.c) <> pg_catalog.length(nm.c) THEN NULL
      WHEN pg_catalog.length(nm.r) <= 29
        THEN nm.r OPERATOR(pg_catalog.||) '_'
             OPERATOR(pg_catalog.||) pg_catalog.left(nm.c, 58 - pg_catalog.length(nm.r))
      WHEN pg_catalog.length(nm.c) <= 29
        THEN pg_catalog.left(nm.r, 58 - pg_catalog.length(nm.c)) OPERATOR(pg_catalog.||) '_'
             OPERATOR(pg_catalog.||) nm.c
      ELSE pg_catalog.left(nm.r, 29) OPERATOR(pg_catalog.||) '_'
           OPERATOR(pg_catalog.||) pg_catalog.left(nm.c, 29)
    END AS base
  ) sn
  WHERE st.oid = $table AND st.relnamespace = $seq.relnamespace
    AND ($seq.relname::text = sn.base OPERATOR(pg_catalog.||) '_seq'
         OR (pg_catalog.octet_length(nm.r) + pg_catalog.octet_length(nm.c) <= 54
             AND pg_catalog.left($seq.relname::text, pg_catalog.length(sn.base) + 4)
                 = sn.base OPERATOR(pg_catalog.||) '_seq'
             AND pg_catalog.substr($seq.relname::text, pg_catalog.length(sn.base) + 5)
                 ~ '^[1-9][0-9]*$')))
