-- ~ rename table "order" -> "Order Items"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."order" RENAME TO "Order Items";
