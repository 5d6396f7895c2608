CREATE TABLE ref (id int PRIMARY KEY);
CREATE TABLE m (id int NOT NULL, region text NOT NULL, r int REFERENCES ref, note text, PRIMARY KEY (id, region), UNIQUE (note, region)) PARTITION BY LIST (region);
CREATE INDEX ON m (lower(note));
-- the attach creates m_us's copies of m's keys, index and foreign key;
-- detaching it again (down) leaves them as m_us's own: they are dropped
CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');
