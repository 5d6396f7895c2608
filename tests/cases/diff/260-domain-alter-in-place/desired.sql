CREATE DOMAIN quantity AS integer DEFAULT 1 NOT NULL
  CONSTRAINT quantity_check CHECK (VALUE >= 0)
  CONSTRAINT quantity_max CHECK (VALUE <= 1000);
CREATE TABLE line (id int PRIMARY KEY, qty quantity);
