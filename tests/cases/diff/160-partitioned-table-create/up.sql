-- + table events
CREATE TABLE public.events (
    id bigint NOT NULL,
    created date NOT NULL,
    payload text,
    CONSTRAINT events_pkey PRIMARY KEY (id, created)
) PARTITION BY RANGE (created);

-- + table events_2024
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
