-- + table m_eu
CREATE TABLE public.m_eu PARTITION OF public.m FOR VALUES IN ('eu') PARTITION BY RANGE (at);

-- + table m_other
CREATE TABLE public.m_other PARTITION OF public.m DEFAULT;

-- + table a_eu_2024
CREATE TABLE public.a_eu_2024 PARTITION OF public.m_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- + table m_eu_other
CREATE TABLE public.m_eu_other PARTITION OF public.m_eu DEFAULT;

-- + index m_at_idx on m
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX m_at_idx ON public.m (at);
