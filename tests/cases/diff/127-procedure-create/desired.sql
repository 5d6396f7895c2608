CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE PROCEDURE bump(n integer) LANGUAGE sql AS $$ UPDATE public.t SET amount = amount + n $$;
