-- undo: ~ server plain (replaced in place)
ALTER SERVER plain VERSION NULL;

-- undo: ~ server "Remote" (replaced in place)
ALTER SERVER "Remote" VERSION '14';

-- undo: ~ foreign data wrapper "Wrapper" (replaced in place)
ALTER FOREIGN DATA WRAPPER "Wrapper" NO HANDLER;
ALTER FOREIGN DATA WRAPPER "Wrapper" VALIDATOR public.fdw_validator_a;
