CREATE TYPE price AS (amount numeric(12, 2), currency char(3), legacy text);
CREATE TABLE product (id int PRIMARY KEY, list_price price);
INSERT INTO product VALUES (1, ROW(9.99, 'EUR', 'x'));
