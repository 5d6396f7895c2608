CREATE TABLE ref (id int PRIMARY KEY);
CREATE TABLE m (id int NOT NULL, region text NOT NULL, r int REFERENCES ref, note text, PRIMARY KEY (id, region), UNIQUE (note, region)) PARTITION BY LIST (region);
CREATE INDEX ON m (lower(note));
CREATE TABLE m_us (id int NOT NULL, region text NOT NULL, r int, note text);
INSERT INTO ref VALUES (1);
INSERT INTO m_us VALUES (1, 'us', 1, 'a');
