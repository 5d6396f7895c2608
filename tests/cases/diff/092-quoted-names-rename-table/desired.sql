CREATE TABLE "Order Items" (id integer CONSTRAINT order_pkey PRIMARY KEY);
