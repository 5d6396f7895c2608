-- undo: + function audit_now()
DROP FUNCTION public.audit_now();
