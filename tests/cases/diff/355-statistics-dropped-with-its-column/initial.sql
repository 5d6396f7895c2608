CREATE SCHEMA "Stat Ops";
CREATE TABLE "Stat Ops".visit (id int PRIMARY KEY, a int, b int, c int);
CREATE STATISTICS "Stat Ops".visit_ab ON a, b FROM "Stat Ops".visit;
CREATE STATISTICS "Stat Ops".visit_bc ON b, c FROM "Stat Ops".visit;
CREATE STATISTICS "Stat Ops"."gone with it" ON a, c FROM "Stat Ops".visit;
