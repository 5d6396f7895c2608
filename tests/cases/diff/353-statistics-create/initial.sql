CREATE SCHEMA "Stat Ops";
CREATE TABLE "Stat Ops"."Orders" (id int PRIMARY KEY, city text, zip text, amount numeric);
