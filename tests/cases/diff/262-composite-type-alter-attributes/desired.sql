CREATE TYPE price AS (amount numeric(12, 2), currency char(3), valid_from date);
CREATE TABLE product (id int PRIMARY KEY, list_price price);
