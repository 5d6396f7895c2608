CREATE SCHEMA "Stat Ops";
-- Column a goes, and the statistics on it with it; visit_bc goes on its
-- own.
CREATE TABLE "Stat Ops".visit (id int PRIMARY KEY, b int, c int);
