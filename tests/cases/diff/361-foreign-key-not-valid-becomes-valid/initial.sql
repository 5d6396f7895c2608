-- "Order → Customer" goes NOT VALID -> valid (VALIDATE CONSTRAINT), its
-- comment kept; s_r_id_fkey valid -> NOT VALID (drop and add back NOT
-- VALID); u_r_fk stays NOT VALID over a row that violates it.
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Customer" ("Id" int PRIMARY KEY);
CREATE TABLE "Sales"."Order" ("Id" int PRIMARY KEY, "Customer Id" int);
INSERT INTO "Sales"."Customer" VALUES (1), (2);
INSERT INTO "Sales"."Order" VALUES (10, 1), (11, 2), (12, NULL);
ALTER TABLE "Sales"."Order" ADD CONSTRAINT "Order → Customer" FOREIGN KEY ("Customer Id") REFERENCES "Sales"."Customer" ON DELETE CASCADE NOT VALID;
COMMENT ON CONSTRAINT "Order → Customer" ON "Sales"."Order" IS 'who ordered';
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE s (id int, r_id int REFERENCES r ON UPDATE CASCADE);
INSERT INTO r VALUES (1);
INSERT INTO s VALUES (1, 1);
CREATE TABLE u (id int, r_id int);
INSERT INTO u VALUES (1, 99);
ALTER TABLE u ADD CONSTRAINT u_r_fk FOREIGN KEY (r_id) REFERENCES r NOT VALID;
