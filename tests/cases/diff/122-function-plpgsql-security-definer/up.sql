-- + function audit_now()
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.audit_now()
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
BEGIN
  RETURN now();
END;
$function$;
RESET check_function_bodies;
