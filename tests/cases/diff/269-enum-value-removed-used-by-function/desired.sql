CREATE TYPE channel AS ENUM ('email', 'sms');
CREATE TABLE notice (id int PRIMARY KEY, via channel NOT NULL);
CREATE FUNCTION cost_of(c channel) RETURNS numeric LANGUAGE sql IMMUTABLE
  AS $$SELECT CASE c WHEN 'sms' THEN 0.05 ELSE 0 END$$;
CREATE VIEW notice_cost AS SELECT id, cost_of(via) AS cost FROM notice;
