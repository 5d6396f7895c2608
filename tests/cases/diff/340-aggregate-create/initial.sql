CREATE SCHEMA "Agg Ops";
CREATE TABLE "Agg Ops".sales (id int PRIMARY KEY, amount numeric NOT NULL);
