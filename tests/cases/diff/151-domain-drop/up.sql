-- - domain short_text
DROP DOMAIN public.short_text;
