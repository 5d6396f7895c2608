-- undo: - table zeta
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.zeta (
    id bigint NOT NULL,
    at date NOT NULL,
    kind text NOT NULL
) PARTITION BY RANGE (at);

-- undo: - table alpha
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.alpha PARTITION OF public.zeta FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (kind);

-- undo: - table aaa
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.aaa PARTITION OF public.alpha FOR VALUES IN ('click');

-- undo: - table "Other"
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public."Other" PARTITION OF public.alpha DEFAULT;
