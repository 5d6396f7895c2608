-- + enum mood ('sad', 'ok', 'happy')
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');

-- + table t
CREATE TABLE public.t (
    id integer,
    m public.mood DEFAULT 'ok'::public.mood NOT NULL,
    ms public.mood[]
);
