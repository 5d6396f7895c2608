-- Several columns dropped: the way back adds them in their order.
CREATE TABLE public.t (id integer, foo text, bar text, "Baz" integer);
