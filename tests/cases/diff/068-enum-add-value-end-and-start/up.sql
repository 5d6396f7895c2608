-- ~ enum mood: + value 'awful' before 'sad'
ALTER TYPE public.mood ADD VALUE 'awful' BEFORE 'sad';

-- ~ enum mood: + value 'ecstatic' at the end
ALTER TYPE public.mood ADD VALUE 'ecstatic';
