CREATE TABLE ref (id int PRIMARY KEY);
CREATE TABLE m (id int NOT NULL, region text NOT NULL, r int REFERENCES ref, note text, PRIMARY KEY (id, region), UNIQUE (note, region)) PARTITION BY LIST (region);
CREATE INDEX ON m (lower(note));
CREATE INDEX m_r ON m (r);
CREATE TABLE m_us (id int NOT NULL, region text NOT NULL, r int, note text, PRIMARY KEY (id, region));
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu');
