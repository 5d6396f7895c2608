-- undo: + grant to Strata Golden Auditor ON TABLE public.notes
REVOKE SELECT ON TABLE public.notes FROM "Strata Golden Auditor";

-- undo: + grant to Strata Golden Auditor (note) ON TABLE public.notes
REVOKE INSERT (note), UPDATE (note) ON TABLE public.notes FROM "Strata Golden Auditor";

-- undo: + grant to strata_golden_writer ON TABLE public.notes
REVOKE SELECT, UPDATE ON TABLE public.notes FROM strata_golden_writer;

-- undo: + grant to strata_golden_writer (note) ON TABLE public.notes
REVOKE UPDATE (note) ON TABLE public.notes FROM strata_golden_writer;

-- undo: + grant to strata_golden_reader ON TABLE public.notes
REVOKE SELECT ON TABLE public.notes FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader (note) ON TABLE public.notes
REVOKE UPDATE (note) ON TABLE public.notes FROM strata_golden_reader;

-- undo: - grant to strata_golden_writer (note) ON TABLE public.notes
GRANT UPDATE (note) ON TABLE public.notes TO strata_golden_writer;

-- undo: - grant to strata_golden_reader ON TABLE public.notes
GRANT SELECT, UPDATE ON TABLE public.notes TO strata_golden_reader;

-- undo: - grant to strata_golden_writer ON TABLE public.notes
GRANT SELECT ON TABLE public.notes TO strata_golden_writer;

-- undo: - grant to Strata Golden Auditor (note) ON TABLE public.notes
GRANT UPDATE (note) ON TABLE public.notes TO "Strata Golden Auditor";

-- undo: - grant to Strata Golden Auditor ON TABLE public.notes
GRANT SELECT, UPDATE ON TABLE public.notes TO "Strata Golden Auditor";
