-- undo: ~ foreign key s_r_id_fkey on s: not valid (dropped and added back NOT VALID)
-- hazard: can fail on existing rows
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
ALTER TABLE public.s VALIDATE CONSTRAINT s_r_id_fkey;

-- undo: ~ foreign key "Order → Customer" on "Sales"."Order": validated
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Sales"."Order" DROP CONSTRAINT "Order → Customer";
ALTER TABLE "Sales"."Order" ADD CONSTRAINT "Order → Customer" FOREIGN KEY ("Customer Id") REFERENCES "Sales"."Customer" ("Id") ON DELETE CASCADE NOT VALID;
COMMENT ON CONSTRAINT "Order → Customer" ON "Sales"."Order" IS 'who ordered';
