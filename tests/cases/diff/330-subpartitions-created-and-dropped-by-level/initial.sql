-- Names whose alphabetical order is the wrong order of creation and drop:
-- a leaf "aaa" of a sub-partitioned "alpha" of "zeta".
CREATE TABLE zeta (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE alpha PARTITION OF zeta FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (kind);
CREATE TABLE aaa PARTITION OF alpha FOR VALUES IN ('click');
CREATE TABLE "Other" PARTITION OF alpha DEFAULT;
INSERT INTO zeta VALUES (1, '2026-03-01', 'click'), (2, '2026-04-01', 'view');
CREATE TABLE keep (id int PRIMARY KEY);
