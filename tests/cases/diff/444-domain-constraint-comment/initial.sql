-- Comments on a domain's constraints: set, changed, and given back when
-- the constraint is renamed.
CREATE DOMAIN positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE DOMAIN short_text AS text CONSTRAINT short_text_len CHECK (length(VALUE) < 10);
COMMENT ON CONSTRAINT short_text_len ON DOMAIN short_text IS 'at most nine';
