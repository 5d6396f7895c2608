CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE FUNCTION audit_now() RETURNS timestamptz LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  RETURN now();
END;
$$;
