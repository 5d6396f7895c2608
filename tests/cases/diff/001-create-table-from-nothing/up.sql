-- + table jobs
CREATE TABLE public.jobs (
    job_id text NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    progress double precision DEFAULT 0 NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    price numeric(12,2),
    code character varying(32),
    CONSTRAINT jobs_pkey PRIMARY KEY (job_id)
);
CREATE INDEX jobs_status_idx ON public.jobs (status);
