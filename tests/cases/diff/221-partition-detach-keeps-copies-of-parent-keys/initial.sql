CREATE TABLE ref (id int PRIMARY KEY);
CREATE TABLE m (id int NOT NULL, region text NOT NULL, r int REFERENCES ref, note text, PRIMARY KEY (id, region), UNIQUE (note, region)) PARTITION BY LIST (region);
CREATE INDEX ON m (lower(note));
CREATE INDEX m_r ON m (r);
CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu');
INSERT INTO ref VALUES (1); INSERT INTO m VALUES (1, 'us', 1, 'a');
