-- + range type "Range Ops"."Float Range"
CREATE TYPE "Range Ops"."Float Range" AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = float8mi);

-- + range type span
CREATE TYPE public.span AS RANGE (SUBTYPE = integer);
COMMENT ON TYPE public.span IS 'a span of integers';

-- + range type textrange
CREATE TYPE public.textrange AS RANGE (SUBTYPE = text, COLLATION = pg_catalog."C", MULTIRANGE_TYPE_NAME = "Range Ops"."text ranges");

-- + table slot
CREATE TABLE public.slot (
    id integer NOT NULL,
    during public.span NOT NULL,
    free public.span_multirange,
    CONSTRAINT slot_pkey PRIMARY KEY (id)
);

-- + column "Range Ops".booking.weights "Range Ops"."Float Range"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking ADD COLUMN weights "Range Ops"."Float Range";

-- + column "Range Ops".booking.letters public.textrange
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking ADD COLUMN letters public.textrange;

-- + column "Range Ops".booking.gaps "Range Ops"."text ranges"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking ADD COLUMN gaps "Range Ops"."text ranges";

-- + column "Range Ops".booking.spans public.span[]
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking ADD COLUMN spans public.span[];
