-- ~ enum mood: + value 'ok' after 'sad'
ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad';
