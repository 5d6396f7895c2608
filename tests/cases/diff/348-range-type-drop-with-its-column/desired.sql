CREATE SCHEMA "Range Ops";
CREATE TABLE "Range Ops".slot (id int PRIMARY KEY);
