-- undo: - table accounts
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    email text NOT NULL,
    name text,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
CREATE INDEX accounts_name_idx ON public.accounts (name);
COMMENT ON TABLE public.accounts IS 'gone soon';
