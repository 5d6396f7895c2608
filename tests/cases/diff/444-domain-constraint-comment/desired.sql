CREATE DOMAIN positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
COMMENT ON CONSTRAINT positive_check ON DOMAIN positive IS 'greater than zero';
CREATE DOMAIN short_text AS text CONSTRAINT short_text_len CHECK (length(VALUE) < 10);
COMMENT ON CONSTRAINT short_text_len ON DOMAIN short_text IS 'fewer than ten characters';
