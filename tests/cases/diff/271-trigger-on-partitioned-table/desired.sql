CREATE TABLE event (id bigint, at date NOT NULL, body text) PARTITION BY RANGE (at);
CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE FUNCTION event_check() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
-- Cloned onto every partition by PostgreSQL: one trigger to create.
CREATE TRIGGER event_check BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION event_check();
