-- + comment on CONSTRAINT positive_check ON DOMAIN public.positive
COMMENT ON CONSTRAINT positive_check ON DOMAIN public.positive IS 'greater than zero';

-- ~ comment on CONSTRAINT short_text_len ON DOMAIN public.short_text (replaced in place)
COMMENT ON CONSTRAINT short_text_len ON DOMAIN public.short_text IS 'fewer than ten characters';
