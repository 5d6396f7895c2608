-- + table visit
CREATE TABLE public.visit (
    id integer NOT NULL,
    a integer,
    b integer,
    CONSTRAINT visit_pkey PRIMARY KEY (id)
);

-- + statistics "Stat Ops"."city and zip"
CREATE STATISTICS "Stat Ops"."city and zip" (ndistinct, dependencies) ON city, zip FROM "Stat Ops"."Orders";
COMMENT ON STATISTICS "Stat Ops"."city and zip" IS 'zip decides city';

-- + statistics order_amounts
CREATE STATISTICS public.order_amounts ON zip, ((amount * (2)::numeric)) FROM "Stat Ops"."Orders";
ALTER STATISTICS public.order_amounts SET STATISTICS 500;

-- + statistics visit_ab
CREATE STATISTICS public.visit_ab (mcv) ON a, b FROM public.visit;

-- + statistics visit_lower
CREATE STATISTICS public.visit_lower ON a, (lower((b)::text)) FROM public.visit;

-- + statistics visit_sum
CREATE STATISTICS public.visit_sum ON ((a + b)) FROM public.visit;
