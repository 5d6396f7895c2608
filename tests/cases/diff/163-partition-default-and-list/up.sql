-- + table regions_eu
CREATE TABLE public.regions_eu PARTITION OF public.regions FOR VALUES IN ('eu', 'uk');

-- + table regions_other
CREATE TABLE public.regions_other PARTITION OF public.regions DEFAULT;
