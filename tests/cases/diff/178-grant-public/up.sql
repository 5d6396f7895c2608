-- + grant to PUBLIC ON TABLE public.t
GRANT SELECT ON TABLE public.t TO PUBLIC;
