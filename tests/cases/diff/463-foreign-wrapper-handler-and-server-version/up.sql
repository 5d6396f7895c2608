-- ~ foreign data wrapper "Wrapper" (replaced in place)
ALTER FOREIGN DATA WRAPPER "Wrapper" NO VALIDATOR;
ALTER FOREIGN DATA WRAPPER "Wrapper" HANDLER public.fdw_handler_a;

-- ~ server "Remote" (replaced in place)
ALTER SERVER "Remote" VERSION NULL;

-- ~ server plain (replaced in place)
ALTER SERVER plain VERSION '16';
