-- - comment on INDEX public.test_code_key
COMMENT ON INDEX public.test_code_key IS NULL;

-- + table "New"
CREATE TABLE public."New" (
    id serial NOT NULL,
    CONSTRAINT "New_pkey" PRIMARY KEY (id)
);

-- ~ comment on constraint test_pkey on test
COMMENT ON CONSTRAINT test_pkey ON public.test IS 'the constraint';

-- + comment on SEQUENCE public."New_id_seq"
COMMENT ON SEQUENCE public."New_id_seq" IS 'new';

-- + comment on INDEX public."New_pkey"
COMMENT ON INDEX public."New_pkey" IS 'new key';

-- + comment on SEQUENCE public.test_id_seq
COMMENT ON SEQUENCE public.test_id_seq IS 'test table sequence';

-- + comment on SEQUENCE public.test_n_seq
COMMENT ON SEQUENCE public.test_n_seq IS 'it''s the identity''s';

-- + comment on INDEX public.test_pkey
COMMENT ON INDEX public.test_pkey IS 'primary key';
