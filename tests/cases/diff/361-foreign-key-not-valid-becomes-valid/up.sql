-- ~ foreign key "Order → Customer" on "Sales"."Order": validated
-- hazard: can fail on existing rows
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
ALTER TABLE "Sales"."Order" VALIDATE CONSTRAINT "Order → Customer";

-- ~ foreign key s_r_id_fkey on s: not valid (dropped and added back NOT VALID)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.s DROP CONSTRAINT s_r_id_fkey;
ALTER TABLE public.s ADD CONSTRAINT s_r_id_fkey FOREIGN KEY (r_id) REFERENCES public.r (id) ON UPDATE CASCADE NOT VALID;
