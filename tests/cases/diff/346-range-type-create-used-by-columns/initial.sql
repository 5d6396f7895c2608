CREATE SCHEMA "Range Ops";
CREATE TABLE "Range Ops".booking (id int PRIMARY KEY);
