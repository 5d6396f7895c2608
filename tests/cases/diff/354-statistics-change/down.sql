-- undo: + statistics visit_target
DROP STATISTICS public.visit_target;

-- undo: + statistics visit_ab
DROP STATISTICS public.visit_ab;

-- undo: - statistics visit_ab
CREATE STATISTICS public.visit_ab (ndistinct) ON a, b FROM public.visit;

-- undo: - statistics visit_target
CREATE STATISTICS public.visit_target ON a, c FROM public.visit;
ALTER STATISTICS public.visit_target SET STATISTICS 100;
