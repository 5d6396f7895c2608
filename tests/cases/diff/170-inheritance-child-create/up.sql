-- + table child
CREATE TABLE public.child (
    extra integer
) INHERITS (public.base);
