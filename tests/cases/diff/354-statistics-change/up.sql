-- - statistics visit_target
DROP STATISTICS public.visit_target;

-- - statistics visit_ab
DROP STATISTICS public.visit_ab;

-- + statistics visit_ab
CREATE STATISTICS public.visit_ab (ndistinct, mcv) ON a, b, c FROM public.visit;

-- + statistics visit_target
CREATE STATISTICS public.visit_target ON a, c FROM public.visit;
ALTER STATISTICS public.visit_target SET STATISTICS 1000;
