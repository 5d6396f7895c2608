-- ~ extension citext (replaced in place)
ALTER EXTENSION citext UPDATE TO '1.6';
