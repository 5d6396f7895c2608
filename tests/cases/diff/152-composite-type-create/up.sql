-- + type pair
CREATE TYPE public.pair AS (a integer, b text);
