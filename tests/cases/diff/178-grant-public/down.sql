-- undo: + grant to PUBLIC ON TABLE public.t
REVOKE SELECT ON TABLE public.t FROM PUBLIC;
