CREATE TABLE p (a integer, b integer, CONSTRAINT p_a_b_key UNIQUE (a, b));
CREATE TABLE c (a integer, b integer, CONSTRAINT c_a_b_fkey FOREIGN KEY (a, b) REFERENCES p (a, b));
