-- undo: + comment on INDEX public.test_pkey
COMMENT ON INDEX public.test_pkey IS NULL;

-- undo: + comment on SEQUENCE public.test_n_seq
COMMENT ON SEQUENCE public.test_n_seq IS NULL;

-- undo: + comment on SEQUENCE public.test_id_seq
COMMENT ON SEQUENCE public.test_id_seq IS NULL;

-- undo: + comment on INDEX public."New_pkey"
COMMENT ON INDEX public."New_pkey" IS NULL;

-- undo: + comment on SEQUENCE public."New_id_seq"
COMMENT ON SEQUENCE public."New_id_seq" IS NULL;

-- undo: ~ comment on constraint test_pkey on test
COMMENT ON CONSTRAINT test_pkey ON public.test IS NULL;

-- undo: + table "New"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public."New";

-- undo: - comment on INDEX public.test_code_key
COMMENT ON INDEX public.test_code_key IS 'old';
