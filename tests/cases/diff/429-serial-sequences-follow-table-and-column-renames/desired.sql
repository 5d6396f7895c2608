CREATE TABLE members (id serial PRIMARY KEY, member_no bigserial, note text);
