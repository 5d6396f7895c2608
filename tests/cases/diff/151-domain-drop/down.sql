-- undo: - domain short_text
CREATE DOMAIN public.short_text AS text CONSTRAINT short_text_check CHECK ((length(VALUE) < 10));
