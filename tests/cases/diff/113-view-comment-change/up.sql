-- ~ comment on view v: new
COMMENT ON VIEW public.v IS 'new';
